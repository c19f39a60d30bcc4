/**
 * The portal-search document type of AWS accounts, shared by the search collator and the
 * frontend's result item.
 *
 * @public
 */
export const AWS_ACCOUNT_SEARCH_TYPE = 'aws-account';

/**
 * An AWS account in the portal's search index; its location is the account's page in
 * AWS Access.
 *
 * @public
 */
export interface AwsAccountSearchDocument {
  /** The account name. */
  title: string;
  /** The id, organisation, environment, team names and roles as one line of words to match. */
  text: string;
  /** The account's page, e.g. `/aws-access/accounts/605112784586?organization=prod`. */
  location: string;
  /** The id of the organisation the account belongs to. */
  organization: string;
  /** The organisation's display name. */
  organizationTitle: string;
  accountId: string;
  /** The account's environment tag, or empty when it has none. */
  environment: string;
  /** The permission sets assigned in the account, by name. */
  roles: string[];
  /** The catalog teams behind the groups holding roles there, as entity refs. */
  teams: string[];
}
