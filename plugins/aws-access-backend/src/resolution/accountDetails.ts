import {
  BackstageCredentials,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  AccountLookupResponse,
  isAwsAccountId,
} from '@aws-access/backstage-plugin-aws-access-common';
import { InputError, NotFoundError } from '@backstage/errors';
import { AccessSnapshotSource } from '../snapshot/types';
import { EntityReader } from './CallerEntityCache';
import { EntityAccessResolver } from './EntityAccessResolver';
import { callerOwnership } from './callerOwnership';
import { lookupAccount } from './accountLookup';

/** What reading one account as a caller sees it needs. */
export interface AccountDetailsDeps {
  source: AccessSnapshotSource;
  resolver: EntityAccessResolver;
  userInfo: UserInfoService;
  entities: EntityReader;
}

/**
 * One account as a caller sees it: every role in it with its granting groups, the catalog
 * teams behind the groups the caller may see, and for a signed-in user their own roles
 * there. Throws InputError for a malformed id and NotFoundError for an unknown one.
 */
export async function accountDetails(
  deps: AccountDetailsDeps,
  accountId: string,
  credentials: BackstageCredentials,
  isUser: boolean,
): Promise<Omit<AccountLookupResponse, 'settings'>> {
  if (!isAwsAccountId(accountId)) {
    throw new InputError(
      `Malformed account id ${JSON.stringify(accountId)}: must be 12 digits`,
    );
  }
  const account = lookupAccount(await deps.source.getSnapshot(), accountId);
  if (!account) {
    throw new NotFoundError(
      `No AWS account '${accountId}' in IAM Identity Center`,
    );
  }
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
      mine.accounts.find(a => a.id === accountId)?.roles.map(r => r.name) ?? [];
  }
  return {
    account,
    teams: await deps.resolver.teamsFor([account], credentials),
    ...(myRoles && { myRoles }),
  };
}
