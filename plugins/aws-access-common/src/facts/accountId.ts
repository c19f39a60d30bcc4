/**
 * Whether a value is a 12-digit AWS account id. Ids are strings: as numbers they lose
 * their leading zeros.
 *
 * @public
 */
export function isAwsAccountId(value: string): boolean {
  return /^\d{12}$/.test(value);
}

/**
 * The account id a pasted text names: the text itself when it is an id, or the one
 * 12-digit id standing on its own inside it, as in an ARN
 * (`arn:aws:iam::605112784586:role/x`) or an error message. Undefined when there is none
 * or more than one, so that a lookup never guesses between accounts.
 *
 * @public
 */
export function accountIdInText(text: string): string | undefined {
  const ids = new Set(text.match(/(?<!\d)\d{12}(?!\d)/g) ?? []);
  if (ids.size !== 1) {
    return undefined;
  }
  const [id] = ids;
  return isAwsAccountId(id) ? id : undefined;
}
