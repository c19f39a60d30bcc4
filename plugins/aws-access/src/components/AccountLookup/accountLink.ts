/**
 * The path of an account's page: `/aws-access/accounts/605112784586`, with
 * `?organization=prod` when the portal serves several organisations, where the id alone
 * may not say which account is meant.
 */
export function accountLink(
  accountPath: string,
  organization: string | undefined,
): string {
  return organization
    ? `${accountPath}?${new URLSearchParams({ organization })}`
    : accountPath;
}
