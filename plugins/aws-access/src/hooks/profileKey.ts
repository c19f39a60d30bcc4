/**
 * Identifies one role in one account of one organisation, for maps of profiles and of
 * held roles: an account is known by its organisation and id together.
 */
export const profileKey = (
  organization: string,
  accountId: string,
  roleName: string,
) => `${organization}/${accountId}/${roleName}`;
