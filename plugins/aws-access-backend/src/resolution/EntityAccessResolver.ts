import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_MEMBER_OF,
  RELATION_OWNED_BY,
  parseEntityRef,
} from '@backstage/catalog-model';
import {
  ANNOTATION_AWS_ACCOUNT_ID,
  AwsAccountAccess,
} from '@aws-access/backstage-plugin-aws-access-common';
import { AccessSnapshotSource } from '../snapshot/types';
import { EntityReader } from './CallerEntityCache';
import { matchIdentityCenterGroup } from './groupMatching';
import { accountAccessForGroups } from './accountAccess';

function groupRefs(entity: Entity, relationType: string): string[] {
  return (entity.relations ?? [])
    .filter(
      r =>
        r.type === relationType &&
        parseEntityRef(r.targetRef).kind.toLocaleLowerCase('en-US') === 'group',
    )
    .map(r => r.targetRef);
}

function annotatedAccountIds(entity: Entity): Set<string> | undefined {
  const value = entity.metadata.annotations?.[ANNOTATION_AWS_ACCOUNT_ID];
  if (value === undefined) {
    return undefined;
  }
  return new Set(
    value
      .split(',')
      .map(id => id.trim())
      .filter(Boolean),
  );
}

/**
 * Resolves a catalog entity to the AWS accounts and roles it has: a Group through its
 * Identity Center group, a User through the groups they are a member of, anything else
 * through the groups that own it.
 */
export class EntityAccessResolver {
  constructor(
    private readonly entities: EntityReader,
    private readonly source: AccessSnapshotSource,
  ) {}

  async resolve(
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<AwsAccountAccess[]> {
    const snapshot = await this.source.getSnapshot();
    const groupEntities = await this.groupEntitiesFor(entity, credentials);
    const groupIds = new Set<string>();
    for (const group of groupEntities) {
      const match = matchIdentityCenterGroup(group, snapshot.groups);
      if (match) {
        groupIds.add(match.id);
      }
    }
    const narrowTo =
      entity.kind.toLocaleLowerCase('en-US') === 'group'
        ? undefined
        : annotatedAccountIds(entity);
    return accountAccessForGroups(snapshot, groupIds, narrowTo);
  }

  private async groupEntitiesFor(
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<Entity[]> {
    const kind = entity.kind.toLocaleLowerCase('en-US');
    if (kind === 'group') {
      return [entity];
    }
    const refs = groupRefs(
      entity,
      kind === 'user' ? RELATION_MEMBER_OF : RELATION_OWNED_BY,
    );
    if (refs.length === 0) {
      return [];
    }
    return this.entities.getEntitiesByRefs(refs, credentials);
  }
}
