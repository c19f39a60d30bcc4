/**
 * The catalog kinds AWS Access resolves to accounts and roles, in lower case.
 *
 * @public
 */
export const AWS_ACCESS_ENTITY_KINDS: readonly string[] = [
  'group',
  'user',
  'component',
  'system',
  'resource',
  'api',
];

/**
 * Whether AWS Access resolves entities of a kind (compared case-insensitively): the
 * backend answers 400 for other kinds and the frontend hides its tab and card for them.
 *
 * @public
 */
export function isAwsAccessEntityKind(kind: string): boolean {
  return AWS_ACCESS_ENTITY_KINDS.includes(kind.toLocaleLowerCase('en-US'));
}

/**
 * The subject that stands for the signed-in user in API paths (`/me/accounts`) and
 * client calls (`getEntityAccess('me')`): their own access, from their sign-in.
 *
 * @public
 */
export const SIGNED_IN_USER = 'me';
