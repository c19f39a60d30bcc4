import { AccountIndexEntry } from '@aws-access/backstage-plugin-aws-access-common';
import { parseEntityRef } from '@backstage/catalog-model';
import { IndexableDocument } from '@backstage/plugin-search-common';

/**
 * The search document type of AWS accounts.
 *
 * @public
 */
export const AWS_ACCOUNT_DOCUMENT_TYPE = 'aws-account';

/**
 * An AWS account in the portal's search index; its location is the account's page in
 * AWS Access.
 *
 * @public
 */
export interface AwsAccountDocument extends IndexableDocument {
  accountId: string;
  /** The account's environment tag, or empty when it has none. */
  environment: string;
  /** The permission sets assigned in the account, by name. */
  roles: string[];
  /** The catalog teams behind the groups holding roles there, as entity refs. */
  teams: string[];
}

/** The names of entity refs, for words people type: `group:default/payments` is `payments`. */
function namesOf(refs: string[]): string[] {
  return refs.map(ref => {
    try {
      return parseEntityRef(ref).name;
    } catch {
      return ref;
    }
  });
}

/**
 * One account as a search document. The text carries the id, environment, team names and
 * roles, so any of them finds the account; `accountsPath` is where the AWS Access page
 * is mounted (`/aws-access` by default).
 *
 * @public
 */
export function awsAccountDocument(
  entry: AccountIndexEntry,
  accountsPath = '/aws-access',
): AwsAccountDocument {
  const teams = namesOf(entry.teams);
  const text = [
    `AWS account ${entry.id}`,
    entry.environment && `environment ${entry.environment}`,
    teams.length > 0 && `teams ${teams.join(', ')}`,
    entry.roles.length > 0 && `roles ${entry.roles.join(', ')}`,
  ]
    .filter(Boolean)
    .join(' · ');
  return {
    title: entry.name,
    text,
    location: `${accountsPath.replace(/\/+$/, '')}/accounts/${entry.id}`,
    accountId: entry.id,
    environment: entry.environment ?? '',
    roles: entry.roles,
    teams: entry.teams,
  };
}
