import { AwsAccountAccess } from '@aws-access/backstage-plugin-aws-access-common';

export interface AccountFilterValue {
  text: string;
  role: string;
  environment: string;
  /** An organisation id, or empty for every organisation. */
  organization: string;
}

export const NO_FILTER: AccountFilterValue = {
  text: '',
  role: '',
  environment: '',
  organization: '',
};

/** Accounts that match the filter; with a role chosen, only that role is kept. */
export function filterAccounts(
  accounts: AwsAccountAccess[],
  filter: AccountFilterValue,
): AwsAccountAccess[] {
  const needle = filter.text.trim().toLocaleLowerCase();
  return accounts
    .filter(
      a =>
        (!needle ||
          a.name.toLocaleLowerCase().includes(needle) ||
          a.id.includes(needle)) &&
        (!filter.environment || a.environment === filter.environment) &&
        (!filter.organization || a.organization === filter.organization),
    )
    .map(a =>
      filter.role
        ? { ...a, roles: a.roles.filter(r => r.name === filter.role) }
        : a,
    )
    .filter(a => a.roles.length > 0);
}
