/**
 * Whether a value is a 12-digit AWS account id. Ids are strings: as numbers they lose
 * their leading zeros.
 *
 * @public
 */
export function isAwsAccountId(value: string): boolean {
  return /^\d{12}$/.test(value);
}
