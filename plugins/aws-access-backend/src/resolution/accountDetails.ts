import {
  BackstageCredentials,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  AccountLookupResponse,
  isAwsAccountId,
} from '@aws-access/backstage-plugin-aws-access-common';
import { InputError, NotFoundError } from '@backstage/errors';
import { Organizations } from '../organizations/Organizations';
import { EntityReader } from './CallerEntityCache';
import { EntityAccessResolver } from './EntityAccessResolver';
import { callerOwnership } from './callerOwnership';
import { lookupAccount } from './accountLookup';

/** What reading one account as a caller sees it needs. */
export interface AccountDetailsDeps {
  organizations: Organizations;
  resolver: EntityAccessResolver;
  userInfo: UserInfoService;
  entities: EntityReader;
}

/**
 * One account as a caller sees it: every role in it with its granting groups, the catalog
 * teams behind the groups the caller may see, and for a signed-in user their own roles
 * there. Throws InputError for a malformed id, an unknown organisation, or an id that
 * several organisations know when none is named; NotFoundError for an unknown account.
 *
 * @param organization - the organisation id; needed only when several know the account
 */
export async function accountDetails(
  deps: AccountDetailsDeps,
  accountId: string,
  organization: string | undefined,
  credentials: BackstageCredentials,
  isUser: boolean,
): Promise<Omit<AccountLookupResponse, 'settings'>> {
  if (!isAwsAccountId(accountId)) {
    throw new InputError(
      `Malformed account id ${JSON.stringify(accountId)}: must be 12 digits`,
    );
  }
  if (organization !== undefined && !deps.organizations.find(organization)) {
    throw new InputError(
      `Unknown organization ${JSON.stringify(
        organization,
      )}: must be one of ${deps.organizations.settings
        .map(o => o.id)
        .join(', ')}`,
    );
  }
  const found = lookupAccount(
    await deps.organizations.snapshots(),
    accountId,
  ).filter(a => organization === undefined || a.organization === organization);
  if (found.length === 0) {
    throw new NotFoundError(
      organization === undefined
        ? `No AWS account '${accountId}' in IAM Identity Center`
        : `No AWS account '${accountId}' in organization '${organization}'`,
    );
  }
  if (found.length > 1) {
    throw new InputError(
      `AWS account '${accountId}' is in several organizations (${found
        .map(a => a.organization)
        .join(', ')}): name one with the 'organization' parameter`,
    );
  }
  const [account] = found;
  let myRoles: string[] | undefined;
  if (isUser) {
    const { userEntityRef, ownershipEntityRefs } = await callerOwnership(
      deps,
      credentials,
    );
    const mine = await deps.resolver.resolveOwnership(
      userEntityRef,
      ownershipEntityRefs,
      credentials,
    );
    myRoles =
      mine.accounts
        .find(
          a => a.id === accountId && a.organization === account.organization,
        )
        ?.roles.map(r => r.name) ?? [];
  }
  return {
    account,
    teams: await deps.resolver.teamsFor([account], credentials),
    ...(myRoles && { myRoles }),
  };
}
