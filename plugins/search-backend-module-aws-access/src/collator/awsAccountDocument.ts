import {
  AccountIndexEntry,
  AwsAccountSearchDocument,
} from '@aws-access/backstage-plugin-aws-access-common';
import { parseEntityRef } from '@backstage/catalog-model';
import { IndexableDocument } from '@backstage/plugin-search-common';

/**
 * An AWS account as the collator indexes it.
 *
 * @public
 */
export type AwsAccountDocument = IndexableDocument & AwsAccountSearchDocument;

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
 * One account as a search document. The text carries the id, organisation, environment,
 * team names and roles, so any of them finds the account; the location names the
 * organisation, as account ids are only unique within one; `accountsPath` is where the AWS Access page
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
    `organization ${entry.organizationTitle}`,
    entry.environment && `environment ${entry.environment}`,
    teams.length > 0 && `teams ${teams.join(', ')}`,
    entry.roles.length > 0 && `roles ${entry.roles.join(', ')}`,
  ]
    .filter(Boolean)
    .join(' · ');
  return {
    title: entry.name,
    text,
    location: `${accountsPath.replace(/\/+$/, '')}/accounts/${
      entry.id
    }?organization=${encodeURIComponent(entry.organization)}`,
    organization: entry.organization,
    organizationTitle: entry.organizationTitle,
    accountId: entry.id,
    environment: entry.environment ?? '',
    roles: entry.roles,
    teams: entry.teams,
  };
}
