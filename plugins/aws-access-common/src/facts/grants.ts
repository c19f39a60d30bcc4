/**
 * What a role's `grantedVia` names when the permission set is assigned to the user
 * directly rather than through an Identity Center group: there is no team to ask.
 *
 * @public
 */
export const DIRECT_ASSIGNMENT = 'direct assignment';

/**
 * The Identity Center groups among a role's `grantedVia`, without direct assignments.
 *
 * @public
 */
export function grantingGroups(grantedVia: string[]): string[] {
  return grantedVia.filter(g => g !== DIRECT_ASSIGNMENT);
}
