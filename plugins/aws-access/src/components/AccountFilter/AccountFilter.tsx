import { Box, MenuItem, TextField } from '@material-ui/core';
import { AwsAccountAccess } from '@aws-access/backstage-plugin-aws-access-common';
import { useMemo } from 'react';
import { AccountFilterValue } from './filterAccounts';

/** Search by account name or id, and narrow by role and environment. */
export function AccountFilter(props: {
  accounts: AwsAccountAccess[];
  value: AccountFilterValue;
  onChange: (value: AccountFilterValue) => void;
}) {
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
        label="Filter accounts"
        placeholder="Name or id"
        value={value.text}
        onChange={e => onChange({ ...value, text: e.target.value })}
      />
      <TextField
        select
        size="small"
        variant="outlined"
        id="aws-access-role-filter"
        label="Role"
        value={value.role}
        onChange={e => onChange({ ...value, role: e.target.value })}
        style={{ minWidth: 200 }}
      >
        <MenuItem value="">All roles</MenuItem>
        {roles.map(r => (
          <MenuItem key={r} value={r}>
            {r}
          </MenuItem>
        ))}
      </TextField>
      {environments.length > 0 && (
        <TextField
          select
          size="small"
          variant="outlined"
          id="aws-access-environment-filter"
          label="Environment"
          value={value.environment}
          onChange={e => onChange({ ...value, environment: e.target.value })}
          style={{ minWidth: 160 }}
        >
          <MenuItem value="">All environments</MenuItem>
          {environments.map(env => (
            <MenuItem key={env} value={env}>
              {env}
            </MenuItem>
          ))}
        </TextField>
      )}
    </Box>
  );
}
