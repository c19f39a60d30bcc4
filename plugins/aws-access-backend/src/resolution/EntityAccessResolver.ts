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
  GrantingTeams,
  isAwsAccountId,
} from '@aws-access/backstage-plugin-aws-access-common';
import {
  OrganizationSnapshot,
  Organizations,
} from '../organizations/Organizations';
import { EntityReader } from './CallerEntityCache';
import {
  GroupMatchingOptions,
  OrganizationGroups,
  matchIdentityCenterGroups,
} from './groupMatching';
import { accountAccessForGroups } from './accountAccess';
import { mergeAccess } from './mergeAccess';

/** What an entity resolves to, with any annotation problems found on the way. */
export interface Resolution {
  accounts: AwsAccountAccess[];
  warnings: string[];
}

const groupsOf = (snapshots: OrganizationSnapshot[]): OrganizationGroups[] =>
  snapshots.map(s => ({
    organization: s.organization.id,
    groups: s.snapshot.groups,
  }));

/**
 * For each Identity Center group (by organisation and display name) that grants one of
 * the roles, the catalog Group (team) that stands for it, among the Groups the caller may
 * see.
 */
function teamsOfGroups(
  accounts: AwsAccountAccess[],
  groupsVisibleToCaller: Entity[],
  snapshots: OrganizationSnapshot[],
  matching: GroupMatchingOptions,
): GrantingTeams {
  const wanted = new Set(
    accounts.flatMap(a =>
      a.roles.flatMap(r => r.grantedVia.map(g => `${a.organization}|${g}`)),
    ),
  );
  const organizations = groupsOf(snapshots);
  const teams: GrantingTeams = {};
  for (const entity of groupsVisibleToCaller) {
    const { matches } = matchIdentityCenterGroups(
      entity,
      organizations,
      matching,
    );
    for (const { organization, group } of matches) {
      const ofOrganization = (teams[organization] ??= {});
      if (
        wanted.has(`${organization}|${group.displayName}`) &&
        !Object.hasOwn(ofOrganization, group.displayName)
      ) {
        ofOrganization[group.displayName] = stringifyEntityRef(entity);
      }
    }
  }
  for (const [organization, ofOrganization] of Object.entries(teams)) {
    if (Object.keys(ofOrganization).length === 0) {
      delete teams[organization];
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
  private readonly organizations: Organizations;
  private readonly matching: GroupMatchingOptions;
  private readonly logger: LoggerService;
  /** Messages of team-hint failures already logged: a broken catalog logs once, not per request. */
  private readonly loggedTeamFailures = new Set<string>();

  constructor(options: {
    entities: EntityReader;
    organizations: Organizations;
    matching: GroupMatchingOptions;
    logger: LoggerService;
  }) {
    this.entities = options.entities;
    this.organizations = options.organizations;
    this.matching = {
      ...options.matching,
      organizationIds: options.organizations.settings.map(o => o.id),
    };
    this.logger = options.logger;
  }

  /** The catalog teams behind the groups that grant the given accounts' roles. */
  async teamsFor(
    accounts: AwsAccountAccess[],
    credentials: BackstageCredentials,
  ): Promise<GrantingTeams> {
    if (accounts.length === 0) {
      return {};
    }
    try {
      const [snapshots, groups] = await Promise.all([
        this.organizations.snapshots(),
        this.entities.getGroups(credentials),
      ]);
      return teamsOfGroups(accounts, groups, snapshots, this.matching);
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
    const snapshots = await this.organizations.snapshots();
    const kind = entity.kind.toLocaleLowerCase('en-US');
    if (kind !== 'system') {
      return this.resolveOne(entity, credentials, snapshots);
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
      this.resolveOne(entity, credentials, snapshots),
      ...parts.map(part => this.resolveOne(part, credentials, snapshots)),
    ]);
    return {
      accounts: mergeAccess(resolutions.map(r => r.accounts)),
      warnings: [...new Set(resolutions.flatMap(r => r.warnings))],
    };
  }

  private async resolveOne(
    entity: Entity,
    credentials: BackstageCredentials,
    snapshots: OrganizationSnapshot[],
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
    const result = this.accessOf(snapshots, groupEntities, userRef, narrowTo);
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
    const snapshots = await this.organizations.snapshots();
    const groupRefs = ownershipEntityRefs.filter(
      ref => kindOf(ref) === 'group',
    );
    const groups = groupRefs.length
      ? await this.entities.getEntitiesByRefs(groupRefs, credentials)
      : [];
    return this.accessOf(snapshots, groups, userRef, undefined);
  }

  private accessOf(
    snapshots: OrganizationSnapshot[],
    groupEntities: Entity[],
    userRef: string | undefined,
    narrowTo: Set<string> | undefined,
  ): Resolution {
    const warnings: string[] = [];
    const groupIds = new Map(
      snapshots.map(s => [s.organization.id, new Set<string>()]),
    );
    const organizations = groupsOf(snapshots);
    for (const group of groupEntities) {
      const match = matchIdentityCenterGroups(
        group,
        organizations,
        this.matching,
      );
      warnings.push(...match.warnings);
      for (const { organization, group: matched } of match.matches) {
        groupIds.get(organization)!.add(matched.id);
      }
    }
    const lists = snapshots.map(s => {
      const userIds = new Set(
        (s.snapshot.users ?? [])
          .filter(u => u.catalogRef === userRef)
          .map(u => u.id),
      );
      return accountAccessForGroups(
        s,
        groupIds.get(s.organization.id)!,
        narrowTo,
        userIds,
      );
    });
    return {
      accounts: lists.length === 1 ? lists[0] : mergeAccess(lists),
      warnings,
    };
  }
}
