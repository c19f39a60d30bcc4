import {
  DescribePermissionSetCommand,
  paginateListInstances,
  paginateListPermissionSets,
} from '@aws-sdk/client-sso-admin';
import {
  GetUserIdCommand,
  paginateListGroups,
} from '@aws-sdk/client-identitystore';
import { paginateListAccounts } from '@aws-sdk/client-organizations';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import {
  AccessSnapshot,
  SnapshotAccount,
  SnapshotGroup,
  SnapshotPermissionSet,
  SnapshotUser,
} from '../snapshot/types';
import {
  AssignmentSource,
  listAssignmentsPerAccount,
  listAssignmentsPerPrincipal,
  RawAssignment,
} from './assignmentStrategies';
import { CallCounter, CallObserver } from './CallCounter';
import { toSnapshotAssignments } from './snapshotAssignments';
import {
  createIdentityCenterClients,
  createRequestPacers,
  IdentityCenterClients,
  RequestPacers,
} from './clients';
import { mapWithConcurrency } from './mapWithConcurrency';
import { RefreshTarget } from './refreshTargets';
import { IdentityCenterSettings } from './settings';

/** The outcome of one complete read. */
export interface IdentityCenterReadResult {
  snapshot: AccessSnapshot;
  /** Requests by operation, retries included. */
  calls: Record<string, number>;
  /** Which way assignments were read. */
  assignmentsMethod: AssignmentsMethod;
  /** Things that were degraded but did not stop the read. */
  warnings: string[];
}

/**
 * `perPrincipal`: one `ListAccountAssignmentsForPrincipal` listing per group (fewest calls,
 * management account only). `perAccount`: `ListAccountsForProvisionedPermissionSet` and
 * then `ListAccountAssignments` per account and permission set (works for a delegated
 * administrator, many more calls).
 */
export type AssignmentsMethod = 'perPrincipal' | 'perAccount';

/** A catalog User to look up in the identity store, by user name or email. */
export interface CatalogUserQuery {
  ref: string;
  userNames: string[];
  emails: string[];
}

export interface ReadOptions {
  /** Force a way of reading assignments (to measure it); normally per principal first. */
  forceMethod?: AssignmentsMethod;
  /** Catalog Users whose direct (user) assignments to read. */
  users?: CatalogUserQuery[];
}

interface Instance {
  instanceArn: string;
  identityStoreId: string;
}

/** What one refresh target read: the raw data of its part, or why it failed. */
export type TargetRead =
  | { kind: 'principal'; assignments: RawAssignment[] }
  | {
      kind: 'permissionSet';
      permissionSet?: SnapshotPermissionSet & { arn: string };
    }
  | { kind: 'groups'; groups: SnapshotGroup[] }
  | { kind: 'accounts'; accounts: SnapshotAccount[] };

/** The outcome of reading a batch of refresh targets. */
export interface TargetsReadResult {
  /** In the order of the targets; an Error where that target's read failed. */
  reads: Array<TargetRead | Error>;
  calls: Record<string, number>;
}

/** A read that failed part-way, with the calls it made before failing. */
export class IdentityCenterReadError extends Error {
  readonly name = 'IdentityCenterReadError';

  constructor(readonly cause: Error, readonly calls: Record<string, number>) {
    super(`${cause.name}: ${cause.message}`);
  }
}

const isAccessDenied = (error: unknown) =>
  (error as { name?: string } | undefined)?.name === 'AccessDeniedException';

/** Reads accounts, permission sets, groups and group assignments from IAM Identity Center. */
export class IdentityCenterReader {
  private incrementalInstance?: Promise<Instance>;

  /**
   * @param pacers - the request budgets; one set per backend instance, shared by every
   *   read, so full syncs and incremental refreshes together stay within the quotas
   * @param onCall - told of every request as it ends (the metrics)
   */
  constructor(
    private readonly settings: IdentityCenterSettings,
    private readonly credentials: AwsCredentialIdentityProvider,
    private readonly pacers: RequestPacers = createRequestPacers(settings),
    private readonly onCall?: CallObserver,
  ) {}

  /**
   * Reads only the parts that changed, for an incremental refresh: one principal's
   * assignments, one permission set, the groups or the accounts. A target that fails
   * leaves the others read.
   */
  async readTargets(targets: RefreshTarget[]): Promise<TargetsReadResult> {
    const counter = new CallCounter(this.onCall);
    const clients = createIdentityCenterClients({
      settings: this.settings,
      credentials: this.credentials,
      counter,
      stopped: new AbortController().signal,
      pacers: this.pacers,
    });
    const instance = await this.instanceOfEvents();
    const reads = await mapWithConcurrency(
      targets,
      this.settings.concurrency,
      target =>
        this.readTarget(clients, instance, target).catch(
          (error: Error) => error,
        ),
    );
    return { reads, calls: counter.toJSON() };
  }

  /** The instance and identity store events are checked against. */
  async instanceOfEvents(): Promise<Instance> {
    if (!this.incrementalInstance) {
      const clients = createIdentityCenterClients({
        settings: this.settings,
        credentials: this.credentials,
        counter: new CallCounter(this.onCall),
        stopped: new AbortController().signal,
        pacers: this.pacers,
      });
      this.incrementalInstance = this.findInstance(clients).catch(error => {
        this.incrementalInstance = undefined;
        throw error;
      });
    }
    return this.incrementalInstance;
  }

  private async readTarget(
    clients: IdentityCenterClients,
    instance: Instance,
    target: RefreshTarget,
  ): Promise<TargetRead> {
    switch (target.kind) {
      case 'principal':
        return {
          kind: 'principal',
          assignments: await listAssignmentsPerPrincipal(
            {
              ssoAdmin: clients.ssoAdmin,
              instanceArn: instance.instanceArn,
              concurrency: 1,
            },
            [{ id: target.principalId, type: target.principalType }],
          ),
        };
      case 'permissionSet': {
        try {
          const [permissionSet] = await this.describePermissionSets(
            clients,
            instance,
            [target.arn],
          );
          return { kind: 'permissionSet', permissionSet };
        } catch (error) {
          if ((error as Error).name === 'ResourceNotFoundException') {
            return { kind: 'permissionSet' };
          }
          throw error;
        }
      }
      case 'groups':
        return {
          kind: 'groups',
          groups: await this.listGroups(clients, instance),
        };
      case 'accounts':
        return { kind: 'accounts', accounts: await this.listAccounts(clients) };
      default:
        throw new Error(`Unknown refresh target ${JSON.stringify(target)}`);
    }
  }

  /**
   * Reads everything or throws: a failure part-way never yields a partial snapshot.
   * `forceMethod` is for measuring the per-account method; normally the cheaper
   * per-principal method is tried first.
   */
  async read(options: ReadOptions = {}): Promise<IdentityCenterReadResult> {
    const counter = new CallCounter(this.onCall);
    const stop = new AbortController();
    try {
      return await this.readWith(counter, stop.signal, options);
    } catch (error) {
      // The listings still running would spend quota on a read that has already failed.
      stop.abort();
      throw new IdentityCenterReadError(error as Error, counter.toJSON());
    }
  }

  private async readWith(
    counter: CallCounter,
    stopped: AbortSignal,
    { forceMethod, users: userQueries = [] }: ReadOptions,
  ): Promise<IdentityCenterReadResult> {
    const clients = createIdentityCenterClients({
      settings: this.settings,
      credentials: this.credentials,
      counter,
      stopped,
      pacers: this.pacers,
    });
    const warnings: string[] = [];
    const instance = await this.findInstance(clients);
    // Assignment listings, the bulk of the sso-admin calls, need only the principals: they
    // start as soon as those are known and share the sso-admin budget with the permission
    // set describes, while Organizations lists the accounts on its own quota.
    const permissionSetArns = this.listPermissionSetArns(clients, instance);
    const principals = Promise.all([
      this.listGroups(clients, instance),
      this.findUsers(clients, instance, userQueries),
    ]);
    const [
      organizationAccounts,
      permissionSets,
      [groups, users],
      { assignments, method },
    ] = await Promise.all([
      this.listAccounts(clients).catch(error => {
        if (!isAccessDenied(error)) throw error;
        warnings.push(
          'Organizations ListAccounts was denied: accounts are known by id only',
        );
        return undefined;
      }),
      permissionSetArns.then(arns =>
        this.describePermissionSets(clients, instance, arns),
      ),
      principals,
      principals.then(([foundGroups, foundUsers]) =>
        this.listAssignments(
          clients,
          instance,
          foundGroups,
          foundUsers,
          permissionSetArns,
          forceMethod,
        ),
      ),
    ]);

    const nameByArn = new Map(permissionSets.map(p => [p.arn, p.name]));
    const snapshotAssignments = toSnapshotAssignments(assignments, nameByArn);

    const accounts: SnapshotAccount[] =
      organizationAccounts ??
      [...new Set(assignments.map(a => a.accountId))]
        .sort()
        .map(id => ({ id, name: id }));

    return {
      snapshot: {
        accounts,
        permissionSets,
        groups,
        users,
        assignments: snapshotAssignments,
      },
      calls: counter.toJSON(),
      assignmentsMethod: method,
      warnings,
    };
  }

  private async findInstance({
    ssoAdmin,
  }: IdentityCenterClients): Promise<Instance> {
    const { instanceArn, identityStoreId } = this.settings;
    if (instanceArn && identityStoreId) {
      return { instanceArn, identityStoreId };
    }
    const instances: Instance[] = [];
    for await (const page of paginateListInstances(
      { client: ssoAdmin, pageSize: 100 },
      {},
    )) {
      for (const i of page.Instances ?? []) {
        if (i.InstanceArn && i.IdentityStoreId) {
          instances.push({
            instanceArn: i.InstanceArn,
            identityStoreId: i.IdentityStoreId,
          });
        }
      }
    }
    const chosen = instanceArn
      ? instances.find(i => i.instanceArn === instanceArn)
      : instances[0];
    if (!chosen || (!instanceArn && instances.length > 1)) {
      throw new Error(
        instances.length === 0
          ? 'ListInstances found no IAM Identity Center instance'
          : `Set 'awsAccess.identityCenter.instanceArn': ListInstances found ${instances.length} instances`,
      );
    }
    return chosen;
  }

  private async listAccounts({
    organizations,
  }: IdentityCenterClients): Promise<SnapshotAccount[]> {
    const accounts: SnapshotAccount[] = [];
    for await (const page of paginateListAccounts(
      { client: organizations, pageSize: 20 },
      {},
    )) {
      for (const a of page.Accounts ?? []) {
        // `State` replaces the retiring `Status`; closed accounts cannot be signed in to.
        if (a.Id && a.State !== 'CLOSED' && a.State !== 'PENDING_CLOSURE') {
          accounts.push({
            id: a.Id,
            name: a.Name ?? a.Id,
            ...(a.Email && { email: a.Email }),
          });
        }
      }
    }
    return accounts;
  }

  private async listPermissionSetArns(
    { ssoAdmin }: IdentityCenterClients,
    instance: Instance,
  ): Promise<string[]> {
    const arns: string[] = [];
    for await (const page of paginateListPermissionSets(
      { client: ssoAdmin, pageSize: 100 },
      { InstanceArn: instance.instanceArn },
    )) {
      arns.push(...(page.PermissionSets ?? []));
    }
    return arns;
  }

  private async describePermissionSets(
    { ssoAdmin }: IdentityCenterClients,
    instance: Instance,
    arns: string[],
  ): Promise<Array<SnapshotPermissionSet & { arn: string }>> {
    return mapWithConcurrency(arns, this.settings.concurrency, async arn => {
      const { PermissionSet: p } = await ssoAdmin.send(
        new DescribePermissionSetCommand({
          InstanceArn: instance.instanceArn,
          PermissionSetArn: arn,
        }),
      );
      return {
        arn,
        name: p?.Name ?? arn,
        ...(p?.Description && { description: p.Description }),
        ...(p?.SessionDuration && { sessionDuration: p.SessionDuration }),
      };
    });
  }

  private async listGroups(
    { identityStore }: IdentityCenterClients,
    instance: Instance,
  ): Promise<SnapshotGroup[]> {
    const groups: SnapshotGroup[] = [];
    for await (const page of paginateListGroups(
      { client: identityStore, pageSize: 100 },
      { IdentityStoreId: instance.identityStoreId },
    )) {
      for (const g of page.Groups ?? []) {
        groups.push({
          id: g.GroupId!,
          displayName: g.DisplayName ?? g.GroupId!,
          externalIds: (g.ExternalIds ?? [])
            .map(e => e.Id)
            .filter((id): id is string => Boolean(id)),
        });
      }
    }
    return groups;
  }

  /** Identity-store users for the catalog Users: by user name, then by email. */
  private async findUsers(
    { identityStore }: IdentityCenterClients,
    instance: Instance,
    queries: CatalogUserQuery[],
  ): Promise<SnapshotUser[]> {
    const found = await mapWithConcurrency(
      queries,
      this.settings.concurrency,
      async query => {
        const attempts = [
          ...query.userNames.map(v => ({
            AttributePath: 'userName',
            AttributeValue: v,
          })),
          ...query.emails.map(v => ({
            AttributePath: 'emails.value',
            AttributeValue: v,
          })),
        ];
        for (const attribute of attempts) {
          try {
            const { UserId } = await identityStore.send(
              new GetUserIdCommand({
                IdentityStoreId: instance.identityStoreId,
                AlternateIdentifier: { UniqueAttribute: attribute },
              }),
            );
            if (UserId) {
              return { id: UserId, catalogRef: query.ref };
            }
          } catch (error) {
            if (
              (error as { name?: string }).name !== 'ResourceNotFoundException'
            ) {
              throw error;
            }
          }
        }
        return undefined;
      },
    );
    return found.filter((u): u is SnapshotUser => u !== undefined);
  }

  private async listAssignments(
    { ssoAdmin }: IdentityCenterClients,
    instance: Instance,
    groups: SnapshotGroup[],
    users: SnapshotUser[],
    /** Awaited only by the per-account method, which lists by permission set. */
    permissionSetArns: Promise<string[]>,
    forceMethod?: AssignmentsMethod,
  ): Promise<{ assignments: RawAssignment[]; method: AssignmentsMethod }> {
    const source: AssignmentSource = {
      ssoAdmin,
      instanceArn: instance.instanceArn,
      concurrency: this.settings.concurrency,
    };
    const principals = [
      ...groups.map(g => ({ id: g.id, type: 'GROUP' as const })),
      ...users.map(u => ({ id: u.id, type: 'USER' as const })),
    ];
    if (forceMethod !== 'perAccount' && principals.length > 0) {
      try {
        return {
          assignments: await listAssignmentsPerPrincipal(source, principals),
          method: 'perPrincipal',
        };
      } catch (error) {
        if (!isAccessDenied(error) || forceMethod === 'perPrincipal') {
          throw error;
        }
      }
    }
    const userIds = new Set(users.map(u => u.id));
    const all = await listAssignmentsPerAccount(
      source,
      await permissionSetArns,
    );
    return {
      // Keep the user assignments of the catalog's users only, as the other method does.
      assignments: all.filter(
        a => a.principalType === 'GROUP' || userIds.has(a.principalId),
      ),
      method: 'perAccount',
    };
  }
}
