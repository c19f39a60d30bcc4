import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { recordingAuditor } from './__testUtils__/recordingAuditor';
import { startAwsAccessBackend } from './__testUtils__/startAwsAccessBackend';
import {
  exampleAwsAccessConfig,
  exampleEntities,
} from './__testUtils__/exampleOrg';

const GRACE = 'user:default/grace';

/** Grace is in the data team; her catalog entry carries a display name. */
const grace: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'grace', namespace: 'default' },
  spec: { profile: { displayName: 'Grace Hopper' }, memberOf: ['data'] },
  relations: [{ type: 'memberOf', targetRef: 'group:default/data' }],
};

/** Hostile names: quotes, a newline, non-ASCII letters; and a group no catalog team is behind. */
const HOSTILE_ACCOUNT = 'pay "prod"\n[ü]';
const HOSTILE_GROUP = 'aws "pay"\nteam ø';
const hostileOrg = {
  ...exampleAwsAccessConfig.static,
  accounts: [
    ...exampleAwsAccessConfig.static.accounts,
    { id: '444444444444', name: HOSTILE_ACCOUNT },
  ],
  groups: [
    ...exampleAwsAccessConfig.static.groups,
    { id: 'g-pay', displayName: HOSTILE_GROUP },
    { id: 'g-orphans', displayName: 'orphans' },
    { id: 'g-lonely', displayName: 'lonely' },
    { id: 'g-parent', displayName: 'parent' },
  ],
  assignments: [
    ...exampleAwsAccessConfig.static.assignments,
    {
      group: 'g-pay',
      accounts: ['444444444444'],
      permissionSets: ['PowerUser'],
    },
    {
      group: 'orphans',
      accounts: ['444444444444'],
      permissionSets: ['ReadOnly'],
    },
    {
      group: 'g-lonely',
      accounts: ['222222222222'],
      permissionSets: ['PowerUser'],
    },
    {
      group: 'g-parent',
      accounts: ['222222222222'],
      permissionSets: ['ReadOnly'],
    },
  ],
};
const payTeam: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: {
    name: 'pay',
    namespace: 'default',
    annotations: { 'aws-access/identity-center-group': 'g-pay' },
  },
  spec: { type: 'team', children: [] },
  relations: [{ type: 'hasMember', targetRef: 'user:default/ada' }],
};
/** A team whose only member is the requester, and one with a child group and no members. */
const lonelyTeam: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: {
    name: 'lonely',
    namespace: 'default',
    annotations: { 'aws-access/identity-center-group': 'g-lonely' },
  },
  spec: { type: 'team', children: [] },
  relations: [{ type: 'hasMember', targetRef: GRACE }],
};
const parentTeam: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: {
    name: 'parent',
    namespace: 'default',
    annotations: { 'aws-access/identity-center-group': 'g-parent' },
  },
  spec: { type: 'team', children: ['pay'] },
  relations: [{ type: 'parentOf', targetRef: 'group:default/pay' }],
};
/** The example catalog, with the platform team's members as the catalog relates them. */
const catalogEntities: Entity[] = [
  ...exampleEntities.map(entity =>
    entity.metadata.name === 'platform' && entity.kind === 'Group'
      ? {
          ...entity,
          relations: [{ type: 'hasMember', targetRef: 'user:default/ada' }],
        }
      : entity,
  ),
  grace,
  payTeam,
  lonelyTeam,
  parentTeam,
];

async function startBackend(
  options: {
    requestAccess?: object;
    permissionResult?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    send?: (options: NotificationSendOptions) => Promise<void>;
    catalogDown?: boolean;
  } = {},
) {
  const sent: NotificationSendOptions[] = [];
  const auditor = recordingAuditor();
  const send =
    options.send ??
    (async (notification: NotificationSendOptions) => {
      sent.push(notification);
    });
  const server = await startAwsAccessBackend({
    ownershipEntityRefs: [GRACE, 'group:default/data'],
    permissionResult: options.permissionResult,
    config: {
      awsAccess: {
        ...exampleAwsAccessConfig,
        static: hostileOrg,
        requestAccess: options.requestAccess ?? { notifyTeam: true },
      },
    },
    catalog: options.catalogDown
      ? catalogServiceMock.mock({
          // Single reads still answer; listing the groups fails.
          getEntityByRef: async () => undefined,
          getEntities: async () => {
            throw new Error('connect ECONNREFUSED catalog');
          },
        }).factory
      : catalogEntities,
    features: [
      auditor.factory,
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({ send }),
      }),
    ],
  });
  const ask = (body: unknown, auth = mockCredentials.user.header(GRACE)) =>
    request(server)
      .post('/api/aws-access/access-requests')
      .set('Authorization', auth)
      .send(body as object);
  return { server, sent, ask, audited: auditor.events };
}

const powerUserOnPlatformDev = {
  accountId: '111111111111',
  role: 'PowerUser',
  group: 'Platform Team',
};

describe('POST /access-requests', () => {
  it('records each request in the audit trail with the requester, granted or refused', async () => {
    const { ask, audited } = await startBackend();
    await ask(powerUserOnPlatformDev).expect(202);
    await ask({ ...powerUserOnPlatformDev, role: 'Admin' }).expect(404);
    expect(
      audited.map(e => [e.eventId, e.severityLevel, e.status, e.actor.actorId]),
    ).toEqual([
      ['access-request', 'medium', 'initiated', GRACE],
      ['access-request', 'medium', 'succeeded', GRACE],
      ['access-request', 'medium', 'initiated', GRACE],
      ['access-request', 'medium', 'failed', GRACE],
    ]);
    // Recorded as sent: no organisation was named.
    expect(audited[1].meta).toEqual({
      ...powerUserOnPlatformDev,
      organization: null,
      team: 'group:default/platform',
    });
    expect(audited[3]).toMatchObject({
      meta: { ...powerUserOnPlatformDev, role: 'Admin' },
      error: { name: 'NotFoundError' },
    });
  });

  it('notifies the team behind the group, naming the requester, role and account', async () => {
    const { ask, sent } = await startBackend();
    const res = await ask(powerUserOnPlatformDev).expect(202);
    expect(res.body).toEqual({ team: 'group:default/platform' });
    expect(sent).toEqual([
      {
        recipients: {
          type: 'entity',
          entityRef: 'group:default/platform',
          excludeEntityRef: GRACE,
        },
        payload: {
          title:
            'Grace Hopper asks for PowerUser in platform-dev (111111111111)',
          description:
            'Add Grace Hopper (user:default/grace) to the IAM Identity Center group "Platform Team".',
          link: '/aws-access/accounts/111111111111?organization=default',
          topic: 'AWS access request',
          severity: 'normal',
          scope: expect.stringMatching(
            /^aws-access:access-request:[0-9a-f]{64}$/,
          ),
        },
      },
    ]);
  });

  it('updates one notification when the same person asks again, another for another role', async () => {
    const { ask, sent } = await startBackend();
    await ask(powerUserOnPlatformDev).expect(202);
    await ask(powerUserOnPlatformDev).expect(202);
    await ask({ ...powerUserOnPlatformDev, role: 'ReadOnly' }).expect(202);
    const scopes = sent.map(n => n.payload.scope);
    expect(scopes[0]).toBe(scopes[1]);
    expect(scopes[2]).not.toBe(scopes[0]);
  });

  it('passes hostile names through as plain text', async () => {
    const { ask, sent } = await startBackend();
    const res = await ask({
      accountId: '444444444444',
      role: 'PowerUser',
      group: HOSTILE_GROUP,
    }).expect(202);
    expect(res.body).toEqual({ team: 'group:default/pay' });
    expect(sent[0].payload.title).toBe(
      `Grace Hopper asks for PowerUser in ${HOSTILE_ACCOUNT} (444444444444)`,
    );
    expect(sent[0].payload.description).toBe(
      `Add Grace Hopper (user:default/grace) to the IAM Identity Center group "${HOSTILE_GROUP}".`,
    );
  });

  it('names a requester the catalog does not know by their ref', async () => {
    const { ask, sent } = await startBackend();
    await ask(
      powerUserOnPlatformDev,
      mockCredentials.user.header('user:default/nobody'),
    ).expect(202);
    expect(sent[0].payload.title).toBe(
      'user:default/nobody asks for PowerUser in platform-dev (111111111111)',
    );
    expect(sent[0].recipients).toEqual(
      expect.objectContaining({ excludeEntityRef: 'user:default/nobody' }),
    );
  });

  it('needs a signed-in user with the read permission', async () => {
    const { ask, sent } = await startBackend();
    await ask(powerUserOnPlatformDev, mockCredentials.none.header()).expect(
      401,
    );
    const service = await ask(
      powerUserOnPlatformDev,
      mockCredentials.service.header(),
    ).expect(403);
    expect(service.body.error.name).toBe('NotAllowedError');
    const denied = await startBackend({
      permissionResult: AuthorizeResult.DENY,
    });
    const res = await denied.ask(powerUserOnPlatformDev).expect(403);
    expect(res.body.error.message).toContain("permission 'aws-access.read'");
    expect([...sent, ...denied.sent]).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ['an array', [], 'Request body must be a JSON object'],
    [
      'no account id',
      { role: 'PowerUser', group: 'Platform Team' },
      "Field 'accountId' is required",
    ],
    [
      'a short account id',
      { ...powerUserOnPlatformDev, accountId: '12345' },
      "Field 'accountId' must be a 12-digit AWS account id",
    ],
    [
      'a numeric account id',
      { ...powerUserOnPlatformDev, accountId: 111111111111 },
      "Field 'accountId' must be text",
    ],
    [
      'an empty role',
      { ...powerUserOnPlatformDev, role: '' },
      "Field 'role' must not be empty",
    ],
    [
      'a group that is not text',
      { ...powerUserOnPlatformDev, group: ['Platform Team'] },
      "Field 'group' must be text",
    ],
  ])('answers 400 for %s', async (_, body, message) => {
    const { ask, sent } = await startBackend();
    const res = await ask(body).expect(400);
    expect(res.body.error).toEqual(
      expect.objectContaining({ name: 'InputError', message }),
    );
    expect(sent).toEqual([]);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const { server } = await startBackend();
    await request(server)
      .post('/api/aws-access/access-requests')
      .set('Authorization', mockCredentials.user.header(GRACE))
      .set('Content-Type', 'application/json')
      .send('{"accountId":')
      .expect(400);
  });

  it.each([
    [
      { ...powerUserOnPlatformDev, accountId: '999999999999' },
      "No AWS account '999999999999' in IAM Identity Center",
    ],
    [
      { ...powerUserOnPlatformDev, accountId: '333333333333' },
      "No role 'PowerUser' in the AWS account 'data-dev' (333333333333)",
    ],
    [
      { ...powerUserOnPlatformDev, group: 'data' },
      "No group 'data' grants 'PowerUser' in the AWS account 'platform-dev' (111111111111)",
    ],
  ])('answers 404 for %j', async (body, message) => {
    const { ask, sent } = await startBackend();
    const res = await ask(body).expect(404);
    expect(res.body.error.message).toBe(message);
    expect(sent).toEqual([]);
  });

  it.each<[string, object, object | undefined, string]>([
    [
      'notifyTeam is off',
      powerUserOnPlatformDev,
      { urlTemplate: 'https://team.example.com/new?role={role}' },
      'awsAccess.requestAccess.notifyTeam is not enabled',
    ],
    [
      'the caller already holds the role',
      { accountId: '333333333333', role: 'ReadOnly', group: 'data' },
      undefined,
      "You already hold 'ReadOnly' in the AWS account 'data-dev' (333333333333)",
    ],
    [
      'no catalog team is behind the group',
      { accountId: '444444444444', role: 'ReadOnly', group: 'orphans' },
      undefined,
      "No catalog team is behind the group 'orphans'; ask your AWS administrators",
    ],
    [
      'nobody but the requester is in the team',
      { accountId: '222222222222', role: 'PowerUser', group: 'lonely' },
      undefined,
      "Nobody else is in 'group:default/lonely' in the catalog to notify; ask your AWS administrators",
    ],
  ])('answers 409 when %s', async (_, body, requestAccess, message) => {
    const { ask, sent } = await startBackend({ requestAccess });
    const res = await ask(body).expect(409);
    expect(res.body.error).toEqual(
      expect.objectContaining({ name: 'ConflictError', message }),
    );
    expect(sent).toEqual([]);
  });

  it('notifies a team whose members are in its child groups', async () => {
    const { ask, sent } = await startBackend();
    const res = await ask({
      accountId: '222222222222',
      role: 'ReadOnly',
      group: 'parent',
    }).expect(202);
    expect(res.body).toEqual({ team: 'group:default/parent' });
    expect(sent).toHaveLength(1);
  });

  it('answers 503 with a readable message when the notification cannot be sent', async () => {
    const { ask } = await startBackend({
      send: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:7007');
      },
    });
    const res = await ask(powerUserOnPlatformDev).expect(503);
    expect(res.body.error).toEqual(
      expect.objectContaining({
        name: 'ServiceUnavailableError',
        message:
          "Could not notify 'group:default/platform' right now; try again later or ask them directly",
      }),
    );
  });

  it('answers 503, not "no team", when the catalog cannot be read', async () => {
    const { ask, sent } = await startBackend({ catalogDown: true });
    const res = await ask(powerUserOnPlatformDev).expect(503);
    expect(res.body.error).toEqual(
      expect.objectContaining({
        name: 'ServiceUnavailableError',
        message:
          'The catalog cannot be read right now, so the team behind the group is unknown; try again later',
      }),
    );
    expect(sent).toEqual([]);
  });
});
