import { Box, MenuItem, TextField } from '@material-ui/core';
import { AwsAccountAccess } from '@aws-access/backstage-plugin-aws-access-common';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { useMemo } from 'react';
import { awsAccessTranslationRef } from '../../translation';
import { AccountFilterValue } from './filterAccounts';

/** A select with an "all" entry (the empty value) and one entry per option. */
function Choice(props: {
  id: string;
  label: string;
  allLabel: string;
  options: string[];
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
        <MenuItem key={option} value={option}>
          {option}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** Search by account name or id, and narrow by role and environment. */
export function AccountFilter(props: {
  accounts: AwsAccountAccess[];
  value: AccountFilterValue;
  onChange: (value: AccountFilterValue) => void;
}) {
  const { t } = useTranslationRef(awsAccessTranslationRef);
  const { accounts, value, onChange } = props;
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
      <Choice
        id="aws-access-role-filter"
        label={t('filter.role')}
        allLabel={t('filter.allRoles')}
        options={roles}
        value={value.role}
        onChange={role => onChange({ ...value, role })}
      />
      {environments.length > 0 && (
        <Choice
          id="aws-access-environment-filter"
          label={t('filter.environment')}
          allLabel={t('filter.allEnvironments')}
          options={environments}
          value={value.environment}
          onChange={environment => onChange({ ...value, environment })}
        />
      )}
    </Box>
  );
}
