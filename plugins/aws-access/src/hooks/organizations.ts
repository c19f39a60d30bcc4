import {
  AwsAccountAccess,
  AwsCliSettings,
  AwsOrganizationSettings,
} from '@aws-access/backstage-plugin-aws-access-common';

/**
 * The organisations the accounts are in, in the portal's order: the sessions a reader of
 * these accounts needs.
 */
export function organizationsOf(
  accounts: Pick<AwsAccountAccess, 'organization'>[],
  organizations: AwsOrganizationSettings[],
): AwsOrganizationSettings[] {
  const used = new Set(accounts.map(a => a.organization));
  return organizations.filter(o => used.has(o.id));
}

/** An account's organisation; the first one if the backend named one it did not send. */
export function organizationOf(
  account: Pick<AwsAccountAccess, 'organization'>,
  organizations: AwsOrganizationSettings[],
): AwsOrganizationSettings {
  return (
    organizations.find(o => o.id === account.organization) ?? organizations[0]
  );
}

/** Identifies an account across organisations, for React keys and sets. */
export const accountKey = (
  account: Pick<AwsAccountAccess, 'organization' | 'id'>,
) => `${account.organization}/${account.id}`;

/** Whether any organisation lets its roles be requested for a while (temporary access). */
export function offersTemporaryAccess(
  settings: Pick<AwsCliSettings, 'organizations'> | undefined,
): boolean {
  return (
    settings?.organizations.some(
      o => (o.temporaryAccess?.rules.length ?? 0) > 0,
    ) ?? false
  );
}
