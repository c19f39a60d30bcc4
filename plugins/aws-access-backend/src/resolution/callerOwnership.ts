import {
  BackstageCredentials,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { RELATION_MEMBER_OF } from '@backstage/catalog-model';
import { EntityReader } from './CallerEntityCache';

/**
 * The signed-in caller's user ref and the refs they own: those of their sign-in, plus the
 * groups the catalog lists them in. A request made on the caller's behalf (an action
 * called through MCP) carries a token without the sign-in's ownership claims, so the
 * catalog's memberships are what still says which teams they are in.
 */
export async function callerOwnership(
  deps: { userInfo: UserInfoService; entities: EntityReader },
  credentials: BackstageCredentials,
): Promise<{ userEntityRef: string; ownershipEntityRefs: string[] }> {
  const { userEntityRef, ownershipEntityRefs } =
    await deps.userInfo.getUserInfo(credentials);
  const user = await deps.entities.getEntityByRef(userEntityRef, credentials);
  const memberOf = (user?.relations ?? [])
    .filter(r => r.type === RELATION_MEMBER_OF)
    .map(r => r.targetRef);
  return {
    userEntityRef,
    ownershipEntityRefs: [...new Set([...ownershipEntityRefs, ...memberOf])],
  };
}
