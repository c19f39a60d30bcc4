import {
  BackstageCredentials,
  coreServices,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { AuditorEvent } from '@backstage/backend-defaults/auditor';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { FakeIdentityCenter, FakeOrg } from '@aws-access/fake-identity-center';
import {
  AccessGrant,
  AccessGrantRequest,
} from '@aws-access/backstage-plugin-aws-access-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import {
  SignalPayload,
  SignalsService,
  signalsServiceRef,
} from '@backstage/plugin-signals-node';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import { Server } from 'node:http';
import request from 'supertest';
import { awsAccessPlugin } from '../plugin';
import { exampleAwsAccessConfig } from './exampleOrg';
import { recordingAuditor } from './recordingAuditor';
import { JsonObject } from '@backstage/types';
import { waitFor } from './startAwsAccessBackend';

const INSTANCE = 'arn:aws:sso:::instance/ssoins-7a7a00000000000a';

/** The permission sets of the organisation, by name. */
export const PS = {
  PowerUser: `${INSTANCE.replace(
    'instance',
    'permissionSet',
  )}/ps-00000000000000a1`,
  ReadOnly: `${INSTANCE.replace(
    'instance',
    'permissionSet',
  )}/ps-00000000000000a2`,
  Admin: `${INSTANCE.replace('instance', 'permissionSet')}/ps-00000000000000a3`,
  Billing: `${INSTANCE.replace(
    'instance',
    'permissionSet',
  )}/ps-00000000000000a4`,
} as const;

export const DEV = '111111111111';
export const PROD = '222222222222';
export const DATA = '333333333333';

const PLATFORM_GROUP = '7a7a7a7a7a-00000001';
const DATA_GROUP = '7a7a7a7a7a-00000002';

/** The catalog team behind the Identity Center group `platform`: its members approve. */
export const PLATFORM = 'group:default/platform';
export const DATA_TEAM = 'group:default/data';

/** Approvers (the platform team), a stranger (the data team) and those who ask. */
export const APPROVERS = ['ada', 'bob'] as const;
export const STRANGER = 'carol';
/** Each test asks as people of its own, so open requests never collide. */
export const REQUESTERS = [
  'grace',
  'heidi',
  'ivan',
  'judy',
  'erin',
  'mallory',
  'niaj',
  'olivia',
  'peggy',
  'rupert',
  'sybil',
  'trent',
  'victor',
  'walter',
  'xena',
  'yusuf',
] as const;

export const ref = (name: string) => `user:default/${name}`;
/** The Identity Center user id of a person. */
export const userIdOf = (name: string) =>
  `906757${Buffer.from(name).toString('hex').padEnd(4, '0')}-u`;

/**
 * A small organisation: the platform group holds PowerUser, ReadOnly, Admin and Billing
 * in platform-dev and PowerUser in platform-prod; the data group ReadOnly in data-dev.
 * Everybody is an identity-store user; nobody has a direct assignment.
 */
export function temporaryAccessOrg(): FakeOrg {
  const people = [...APPROVERS, STRANGER, ...REQUESTERS];
  const groupAssignment = (
    principalId: string,
    accountId: string,
    permissionSetArn: string,
  ) => ({
    accountId,
    permissionSetArn,
    principalType: 'GROUP' as const,
    principalId,
  });
  return {
    instanceArn: INSTANCE,
    identityStoreId: 'd-7a7a7a7a7a',
    accounts: [
      { id: DEV, name: 'platform-dev', email: 'dev@example.org' },
      { id: PROD, name: 'platform-prod', email: 'prod@example.org' },
      { id: DATA, name: 'data-dev', email: 'data@example.org' },
    ],
    permissionSets: Object.entries(PS).map(([name, arn]) => ({
      arn,
      name,
      sessionDuration: 'PT1H',
    })),
    groups: [
      { id: PLATFORM_GROUP, displayName: 'platform' },
      { id: DATA_GROUP, displayName: 'data' },
    ],
    users: people.map(name => ({
      id: userIdOf(name),
      userName: `${name}@example.org`,
      emails: [`${name}@example.org`],
    })),
    assignments: [
      ...Object.values(PS).map(arn =>
        groupAssignment(PLATFORM_GROUP, DEV, arn),
      ),
      groupAssignment(PLATFORM_GROUP, PROD, PS.PowerUser),
      groupAssignment(DATA_GROUP, DATA, PS.ReadOnly),
    ],
  };
}

/**
 * The policy: PowerUser for up to 2 hours and Admin* for up to 30 minutes with an
 * approver; ReadOnly self-service; Billing not at all. A reason is required.
 */
export const temporaryAccessPolicy = {
  permissionSets: [
    { name: 'PowerUser', maxDuration: { hours: 2 } },
    { name: 'ReadOnly', maxDuration: { hours: 8 }, selfService: true },
    { pattern: 'Adm.*', maxDuration: 'PT30M' },
  ],
  requireReason: true,
  approvers: 'team',
};

const group = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [] },
});

const user = (name: string, groups: string[]): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: {
    profile: {
      email: `${name}@example.org`,
      displayName: name[0].toUpperCase() + name.slice(1),
    },
    memberOf: groups,
  },
  relations: groups.map(g => ({
    type: 'memberOf',
    targetRef: `group:default/${g}`,
  })),
});

/** The catalog: the two teams, their members, and the requesters in no team. */
export const temporaryAccessEntities: Entity[] = [
  group('platform'),
  group('data'),
  ...APPROVERS.map(name => user(name, ['platform'])),
  user(STRANGER, ['data']),
  ...REQUESTERS.map(name => user(name, [])),
];

/**
 * What the permission policy answers: `decide` gets the permission's name and the user
 * ref of the caller (undefined for a service); replace it to change the policy.
 */
export interface PermissionPolicy {
  decide: (permission: string, userRef: string | undefined) => PolicyDecision;
}

export const allowEverything: PermissionPolicy['decide'] = () => ({
  result: AuthorizeResult.ALLOW,
});

function userRefOf(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as { userEntityRef?: string };
  return principal.userEntityRef;
}

/** A permissions service that asks `policy.decide` as a permission policy would. */
function permissionsFactory(policy: PermissionPolicy) {
  const service: PermissionsService = {
    async authorize(requests, { credentials }) {
      return requests.map(r => {
        const decision = policy.decide(
          r.permission.name,
          userRefOf(credentials),
        );
        if (decision.result === AuthorizeResult.CONDITIONAL) {
          throw new Error(
            `A conditional decision for ${r.permission.name} needs authorizeConditional`,
          );
        }
        return { result: decision.result };
      });
    },
    async authorizeConditional(requests, { credentials }) {
      return requests.map(r =>
        policy.decide(r.permission.name, userRefOf(credentials)),
      );
    },
  };
  return createServiceFactory({
    service: coreServices.permissions,
    deps: {},
    factory: () => service,
  });
}

/** One running backend with temporary access on, and what it sent and audited. */
export interface TemporaryAccessBackend {
  server: Server;
  stop(): Promise<void>;
  /** Notifications sent, oldest first. */
  sent: NotificationSendOptions[];
  /** Auditor events, oldest first. */
  audited: AuditorEvent[];
  /** Signals published, oldest first. */
  signals: SignalPayload[];
  api: TemporaryAccessApi;
}

/**
 * Starts the plugin as an installer would, reading Identity Center from the fake at
 * `fakeUrl` (the real SDK over HTTP), with the real scheduler. With `knex`, the plugin's
 * database is that one (several instances on one PostgreSQL database); else its own
 * in-memory SQLite.
 */
export async function startTemporaryAccessBackend(options: {
  fake: FakeIdentityCenter;
  policy: PermissionPolicy;
  knex?: Knex;
  /** Changes the `awsAccess` block, e.g. into several organisations. */
  awsAccess?: (single: JsonObject) => JsonObject;
}): Promise<TemporaryAccessBackend> {
  const sent: NotificationSendOptions[] = [];
  const signals: SignalPayload[] = [];
  const auditor = recordingAuditor();
  const backend = await startTestBackend({
    features: [
      awsAccessPlugin,
      schedulerServiceFactory,
      auditor.factory,
      permissionsFactory(options.policy),
      catalogServiceMock.factory({ entities: temporaryAccessEntities }),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({
          send: async (n: NotificationSendOptions) => {
            sent.push(n);
          },
        }),
      }),
      createServiceFactory({
        service: signalsServiceRef,
        deps: {},
        factory: (): SignalsService => ({
          async publish(signal) {
            signals.push(signal);
          },
        }),
      }),
      ...(options.knex
        ? [mockServices.database.factory({ knex: options.knex })]
        : []),
      mockServices.rootConfig.factory({
        data: {
          aws: {
            mainAccount: { accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake' },
          },
          awsAccess: (options.awsAccess ?? (single => single))({
            sso: exampleAwsAccessConfig.sso,
            source: 'identityCenter',
            identityCenter: {
              maxAttempts: 2,
              // One full sync at start: after that, only the grants' refreshes change
              // what the pages show.
              schedule: {
                frequency: { hours: 6 },
                timeout: { minutes: 1 },
                initialDelay: { seconds: 0 },
              },
              endpoints: {
                ssoAdmin: options.fake.url,
                identityStore: options.fake.url,
                organizations: options.fake.url,
              },
            },
            temporaryAccess: temporaryAccessPolicy,
          }),
        },
      }),
    ],
  });
  const { server } = backend;
  const api = temporaryAccessApi(server);
  await waitFor(async () => {
    const res = await api.accounts(STRANGER);
    return res.status === 200 ? res : undefined;
  }, 'the first sync');
  return {
    server,
    stop: () => backend.stop(),
    sent,
    signals,
    audited: auditor.events,
    api,
  };
}

/** The temporary-access routes as a signed-in person calls them. */
export type TemporaryAccessApi = ReturnType<typeof temporaryAccessApi>;

export function temporaryAccessApi(server: Server) {
  const as = (name: string) => mockCredentials.user.header(ref(name));
  return {
    ask: (name: string, body: Partial<AccessGrantRequest> | object) =>
      request(server)
        .post('/api/aws-access/access-grants')
        .set('Authorization', as(name))
        .send(body),
    act: (
      name: string,
      id: string,
      action: 'approve' | 'deny' | 'cancel' | 'revoke',
      body: object = {},
    ) =>
      request(server)
        .post(`/api/aws-access/access-grants/${id}/${action}`)
        .set('Authorization', as(name))
        .send(body),
    list: (name: string, query: Record<string, string> = {}) =>
      request(server)
        .get('/api/aws-access/access-grants')
        .query(query)
        .set('Authorization', as(name)),
    /** The grant as `name` sees it in their list. */
    grant: async (name: string, id: string): Promise<AccessGrant> => {
      const res = await request(server)
        .get('/api/aws-access/access-grants')
        .set('Authorization', as(name))
        .expect(200);
      const found = (res.body.grants as AccessGrant[]).find(g => g.id === id);
      if (!found) throw new Error(`${name} does not see grant ${id}`);
      return found;
    },
    /** What the person's own page shows. */
    accounts: (name: string) =>
      request(server)
        .get(`/api/aws-access/entities/user/default/${name}/accounts`)
        .set('Authorization', as(name)),
    /** The roles the person's page shows in an account. */
    rolesOf: async (name: string, accountId: string): Promise<string[]> => {
      const res = await request(server)
        .get(`/api/aws-access/entities/user/default/${name}/accounts`)
        .set('Authorization', as(name))
        .expect(200);
      const account = (
        res.body.accounts as Array<{ id: string; roles: { name: string }[] }>
      ).find(a => a.id === accountId);
      return (account?.roles ?? []).map(r => r.name).sort();
    },
  };
}

/** The account assignment writes the fake accepted for one person. */
export function writesFor(fake: FakeIdentityCenter, name: string) {
  const ops = fake.assignmentOperations.filter(
    o => o.assignment.principalId === userIdOf(name),
  );
  return {
    creates: ops.filter(o => o.kind === 'create'),
    deletes: ops.filter(o => o.kind === 'delete'),
  };
}

/** Waits until the grant is in `state` as `name` sees it, and returns it. */
export function grantInState(
  api: TemporaryAccessApi,
  name: string,
  id: string,
  state: AccessGrant['state'],
): Promise<AccessGrant> {
  return waitFor(async () => {
    const grant = await api.grant(name, id);
    return grant.state === state ? grant : undefined;
  }, `grant ${id} ${state}`);
}

let wallClockMoved = false;

/**
 * Moves the wall clock (`Date`) on to `at`, as if that much time had passed; timers and
 * I/O keep running in real time. Stays moved until `restoreWallClock`, which a test
 * calls once every backend has stopped: a clock that goes back holds up what paces
 * itself by it.
 */
export function moveWallClockTo(at: number): void {
  if (!wallClockMoved) {
    jest.useFakeTimers({
      advanceTimers: true,
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
    wallClockMoved = true;
  }
  jest.setSystemTime(at);
}

/** The real wall clock again (see `moveWallClockTo`). */
export function restoreWallClock(): void {
  if (wallClockMoved) {
    jest.useRealTimers();
    wallClockMoved = false;
  }
}
