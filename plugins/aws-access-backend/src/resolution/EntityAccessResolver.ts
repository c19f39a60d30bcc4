import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_HAS_PART,
  RELATION_MEMBER_OF,
  RELATION_OWNED_BY,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ANNOTATION_AWS_ACCOUNT_ID,
  AwsAccountAccess,
  isAwsAccountId,
} from '@aws-access/backstage-plugin-aws-access-common';
import { AccessSnapshot, AccessSnapshotSource } from '../snapshot/types';
import { EntityReader } from './CallerEntityCache';
import {
  GroupMatchingOptions,
  matchIdentityCenterGroup,
} from './groupMatching';
import { accountAccessForGroups } from './accountAccess';
import { mergeAccess } from './mergeAccess';

/** What an entity resolves to, with any annotation problems found on the way. */
export interface Resolution {
  accounts: AwsAccountAccess[];
  warnings: string[];
}

/**
 * For each Identity Center group (by display name) that grants one of the roles, the
 * catalog Group (team) that stands for it, among the Groups the caller may see.
 */
async function teamsOfGroups(
  accounts: AwsAccountAccess[],
  groupsVisibleToCaller: Entity[],
  snapshot: AccessSnapshot,
  matching: GroupMatchingOptions,
): Promise<Record<string, string>> {
  const wanted = new Set(
    accounts.flatMap(a => a.roles.flatMap(r => r.grantedVia)),
  );
  const teams: Record<string, string> = {};
  for (const entity of groupsVisibleToCaller) {
    const { group } = matchIdentityCenterGroup(
      entity,
      snapshot.groups,
      matching,
    );
    if (group && wanted.has(group.displayName) && !teams[group.displayName]) {
      teams[group.displayName] = stringifyEntityRef(entity);
    }
  }
  return teams;
}

const kindOf = (ref: string) =>
  parseEntityRef(ref).kind.toLocaleLowerCase('en-US');

function relationTargets(
  entity: Entity,
  type: string,
  kinds: string[],
): string[] {
  return (entity.relations ?? [])
    .filter(r => r.type === type && kinds.includes(kindOf(r.targetRef)))
    .map(r => r.targetRef);
}

/** The account ids of the `amazonaws.com/account-id` annotation; bad entries are reported. */
function annotatedAccountIds(entity: Entity): {
  ids?: Set<string>;
  warnings: string[];
} {
  const value = entity.metadata.annotations?.[ANNOTATION_AWS_ACCOUNT_ID];
  if (value === undefined) {
    return { warnings: [] };
  }
  const ref = stringifyEntityRef(entity);
  const entries = value.split(',').map(id => id.trim());
  const valid = entries.filter(isAwsAccountId);
  const invalid = entries.filter(id => !isAwsAccountId(id));
  const warnings = invalid.map(
    id =>
      `Annotation '${ANNOTATION_AWS_ACCOUNT_ID}' on '${ref}' has ${JSON.stringify(
        id,
      )}, which is not a 12-digit account id; ignored`,
  );
  if (valid.length === 0) {
    warnings.push(
      `Annotation '${ANNOTATION_AWS_ACCOUNT_ID}' on '${ref}' names no valid account id, so it does not narrow the accounts`,
    );
    return { warnings };
  }
  return { ids: new Set(valid), warnings };
}

/**
 * Resolves a catalog entity to the AWS accounts and roles it has: a Group through its
 * Identity Center group; a User through the groups they are a member of; a System through
 * its owners and the union over its parts; anything else through the groups that own it,
 * narrowed by `amazonaws.com/account-id` when set.
 */
export class EntityAccessResolver {
  private readonly entities: EntityReader;
  private readonly source: AccessSnapshotSource;
  private readonly matching: GroupMatchingOptions;
  private readonly logger: LoggerService;
  /** Messages of team-hint failures already logged: a broken catalog logs once, not per request. */
  private readonly loggedTeamFailures = new Set<string>();

  constructor(options: {
    entities: EntityReader;
    source: AccessSnapshotSource;
    matching: GroupMatchingOptions;
    logger: LoggerService;
  }) {
    this.entities = options.entities;
    this.source = options.source;
    this.matching = options.matching;
    this.logger = options.logger;
  }

  /** The catalog teams behind the groups that grant the given accounts' roles. */
  async teamsFor(
    accounts: AwsAccountAccess[],
    credentials: BackstageCredentials,
  ): Promise<Record<string, string>> {
    if (accounts.length === 0) {
      return {};
    }
    try {
      const [snapshot, groups] = await Promise.all([
        this.source.getSnapshot(),
        this.entities.getGroups(credentials),
      ]);
      return teamsOfGroups(accounts, groups, snapshot, this.matching);
    } catch (error) {
      // Whom to ask is a hint; without it the accounts are still worth showing.
      const message = String((error as Error)?.message ?? error);
      if (
        !this.loggedTeamFailures.has(message) &&
        this.loggedTeamFailures.size < 100
      ) {
        this.loggedTeamFailures.add(message);
        this.logger.warn(
          'Could not find the catalog teams behind Identity Center groups; answering without them',
          { error: message },
        );
      }
      return {};
    }
  }

  async resolve(
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<Resolution> {
    const snapshot = await this.source.getSnapshot();
    const kind = entity.kind.toLocaleLowerCase('en-US');
    if (kind !== 'system') {
      return this.resolveOne(entity, credentials, snapshot);
    }
    const parts = await this.entities.getEntitiesByRefs(
      relationTargets(entity, RELATION_HAS_PART, [
        'component',
        'resource',
        'api',
      ]),
      credentials,
    );
    const resolutions = await Promise.all([
      this.resolveOne(entity, credentials, snapshot),
      ...parts.map(part => this.resolveOne(part, credentials, snapshot)),
    ]);
    return {
      accounts: mergeAccess(resolutions.map(r => r.accounts)),
      warnings: [...new Set(resolutions.flatMap(r => r.warnings))],
    };
  }

  private async resolveOne(
    entity: Entity,
    credentials: BackstageCredentials,
    snapshot: AccessSnapshot,
  ): Promise<Resolution> {
    const kind = entity.kind.toLocaleLowerCase('en-US');
    const warnings: string[] = [];
    let groupEntities: Entity[];
    if (kind === 'group') {
      groupEntities = [entity];
    } else {
      const refs = relationTargets(
        entity,
        kind === 'user' ? RELATION_MEMBER_OF : RELATION_OWNED_BY,
        ['group'],
      );
      groupEntities = refs.length
        ? await this.entities.getEntitiesByRefs(refs, credentials)
        : [];
    }
    let narrowTo: Set<string> | undefined;
    if (kind !== 'group' && kind !== 'user') {
      const annotated = annotatedAccountIds(entity);
      warnings.push(...annotated.warnings);
      narrowTo = annotated.ids;
    }
    // A User also has the roles assigned to them directly.
    const userRef = kind === 'user' ? stringifyEntityRef(entity) : undefined;
    const result = this.accessOf(snapshot, groupEntities, userRef, narrowTo);
    return { ...result, warnings: [...warnings, ...result.warnings] };
  }

  /**
   * The signed-in user's own access, from the ownership references their sign-in gave
   * them (their user ref and groups), whether or not the catalog lists them as members.
   */
  async resolveOwnership(
    userRef: string,
    ownershipEntityRefs: string[],
    credentials: BackstageCredentials,
  ): Promise<Resolution> {
    const snapshot = await this.source.getSnapshot();
    const groupRefs = ownershipEntityRefs.filter(
      ref => kindOf(ref) === 'group',
    );
    const groups = groupRefs.length
      ? await this.entities.getEntitiesByRefs(groupRefs, credentials)
      : [];
    return this.accessOf(snapshot, groups, userRef, undefined);
  }

  private accessOf(
    snapshot: AccessSnapshot,
    groupEntities: Entity[],
    userRef: string | undefined,
    narrowTo: Set<string> | undefined,
  ): Resolution {
    const warnings: string[] = [];
    const groupIds = new Set<string>();
    for (const group of groupEntities) {
      const match = matchIdentityCenterGroup(
        group,
        snapshot.groups,
        this.matching,
      );
      warnings.push(...match.warnings);
      if (match.group) {
        groupIds.add(match.group.id);
      }
    }
    const userIds = new Set(
      (snapshot.users ?? [])
        .filter(u => u.catalogRef === userRef)
        .map(u => u.id),
    );
    return {
      accounts: accountAccessForGroups(snapshot, groupIds, narrowTo, userIds),
      warnings,
    };
  }
}
