/** Identifies one role in one account, for maps of profiles and of held roles. */
export const profileKey = (accountId: string, roleName: string) =>
  `${accountId}/${roleName}`;
