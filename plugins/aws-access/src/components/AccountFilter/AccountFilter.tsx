import { Box, MenuItem, TextField } from '@material-ui/core';
import {
  AwsAccountAccess,
  AwsOrganizationSettings,
} from '@aws-access/backstage-plugin-aws-access-common';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { useMemo } from 'react';
import { organizationsOf } from '../../hooks/organizations';
import { awsAccessTranslationRef } from '../../translation';
import { AccountFilterValue } from './filterAccounts';

interface Option {
  value: string;
  label: string;
}

const sameLabel = (values: string[]): Option[] =>
  values.map(value => ({ value, label: value }));

/**
 * A select with an "all" entry (the empty value) and one entry per option. A TextField
 * names its select by label and value for screen readers, and the select opens and moves
 * with the keyboard.
 */
function Choice(props: {
  id: string;
  label: string;
  allLabel: string;
  options: Option[];
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <TextField
      select
      size="small"
      variant="outlined"
      id={props.id}
      label={props.label}
      value={props.value}
      onChange={e => props.onChange(e.target.value)}
      style={{ minWidth: 180 }}
    >
      <MenuItem value="">{props.allLabel}</MenuItem>
      {props.options.map(option => (
        <MenuItem key={option.value} value={option.value}>
          {option.label}
        </MenuItem>
      ))}
    </TextField>
  );
}

/**
 * Search by account name or id, and narrow by role and environment; by organisation too
 * when the portal serves several (`organizations` is every one it serves).
 */
export function AccountFilter(props: {
  accounts: AwsAccountAccess[];
  organizations: AwsOrganizationSettings[];
  value: AccountFilterValue;
  onChange: (value: AccountFilterValue) => void;
}) {
  const { t } = useTranslationRef(awsAccessTranslationRef);
  const { accounts, organizations, value, onChange } = props;
  const roles = useMemo(
    () => [...new Set(accounts.flatMap(a => a.roles.map(r => r.name)))].sort(),
    [accounts],
  );
  const environments = useMemo(
    () =>
      [
        ...new Set(
          accounts.map(a => a.environment).filter((e): e is string => !!e),
        ),
      ].sort(),
    [accounts],
  );
  const organizationOptions = useMemo(
    () =>
      organizationsOf(accounts, organizations).map(o => ({
        value: o.id,
        label: o.title,
      })),
    [accounts, organizations],
  );
  return (
    <Box display="flex" flexWrap="wrap" gridGap={16}>
      <TextField
        size="small"
        variant="outlined"
        id="aws-access-account-filter"
        label={t('filter.text')}
        placeholder={t('filter.textPlaceholder')}
        value={value.text}
        onChange={e => onChange({ ...value, text: e.target.value })}
      />
      {organizations.length > 1 && (
        <Choice
          id="aws-access-organization-filter"
          label={t('filter.organization')}
          allLabel={t('filter.allOrganizations')}
          options={organizationOptions}
          value={value.organization}
          onChange={organization => onChange({ ...value, organization })}
        />
      )}
      <Choice
        id="aws-access-role-filter"
        label={t('filter.role')}
        allLabel={t('filter.allRoles')}
        options={sameLabel(roles)}
        value={value.role}
        onChange={role => onChange({ ...value, role })}
      />
      {environments.length > 0 && (
        <Choice
          id="aws-access-environment-filter"
          label={t('filter.environment')}
          allLabel={t('filter.allEnvironments')}
          options={sameLabel(environments)}
          value={value.environment}
          onChange={environment => onChange({ ...value, environment })}
        />
      )}
    </Box>
  );
}
