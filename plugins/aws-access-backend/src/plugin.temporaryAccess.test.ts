import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import { FakeIdentityCenter } from '@aws-access/fake-identity-center';
import {
  AWS_ACCESS_GRANTS_SIGNAL_CHANNEL,
  AccessGrant,
  awsAccessGrantApprovePermission,
  awsAccessGrantAuditPermission,
} from '@aws-access/backstage-plugin-aws-access-common';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import {
  awsAccessGrantConditions,
  createAwsAccessGrantConditionalDecision,
} from './permissions/grantPermissions';
import { waitFor } from './__testUtils__/startAwsAccessBackend';
import {
  DATA,
  DATA_TEAM,
  DEV,
  PLATFORM,
  PROD,
  PermissionPolicy,
  STRANGER,
  TemporaryAccessBackend,
  allowEverything,
  grantInState,
  moveWallClockTo,
  ref,
  restoreWallClock,
  startTemporaryAccessBackend,
  temporaryAccessOrg,
  userIdOf,
  writesFor,
} from './__testUtils__/temporaryAccessBackend';

jest.setTimeout(60_000);

// A database the test owns, so that it is closed when the file ends.
const databases = TestDatabases.create({
  ids: ['SQLITE_3'],
  disableDocker: true,
});

const powerUser = (reason = 'Incident 4711: the deploy is stuck') => ({
  accountId: DEV,
  role: 'PowerUser',
  durationMinutes: 60,
  reason,
});

describe('temporary access through the API', () => {
  let fake: FakeIdentityCenter;
  let backend: TemporaryAccessBackend;
  const policy: PermissionPolicy = { decide: allowEverything };

  beforeAll(async () => {
    fake = await FakeIdentityCenter.start(temporaryAccessOrg());
    backend = await startTemporaryAccessBackend({
      fake,
      policy,
      knex: await databases.init('SQLITE_3'),
    });
  });
  afterAll(async () => {
    await backend?.stop();
    // After the backend, which kept time by the moved clock.
    restoreWallClock();
    await fake?.stop();
  });
  afterEach(() => {
    policy.decide = allowEverything;
  });

  /** `name` asks for `body` and ada approves; resolves once the grant is active. */
  async function activeGrant(name: string, body: object = powerUser()) {
    const { api } = backend;
    const asked = await api.ask(name, body).expect(201);
    await api.act('ada', asked.body.id, 'approve').expect(200);
    return grantInState(api, name, asked.body.id, 'active');
  }

  /** The grant's audit events as they ended (without the `initiated` ones). */
  const auditedFor = (id: string) =>
    backend.audited.filter(
      e => e.meta?.grant === id && e.status !== 'initiated',
    );

  it('asks, is approved by the team behind the group, and gains the role for its duration', async () => {
    const { api, sent } = backend;
    const asked = await api.ask('grace', powerUser()).expect(201);
    const id = asked.body.id;
    expect(asked.body).toEqual(
      expect.objectContaining({
        organization: 'default',
        accountId: DEV,
        accountName: 'platform-dev',
        role: 'PowerUser',
        requester: ref('grace'),
        reason: 'Incident 4711: the deploy is stuck',
        durationMinutes: 60,
        state: 'pending',
        approvers: [PLATFORM],
        overdue: false,
        actions: ['cancel'],
      }),
    );
    // The team behind the group that grants PowerUser in the account hears of it.
    expect(sent.filter(n => n.payload.scope?.includes(id))).toEqual([
      {
        recipients: {
          type: 'entity',
          entityRef: [PLATFORM],
          excludeEntityRef: ref('grace'),
        },
        payload: expect.objectContaining({
          title:
            'Grace asks for PowerUser in platform-dev (111111111111) for 1 h',
          description: 'Reason: Incident 4711: the deploy is stuck',
          link: '/aws-access/requests',
        }),
      },
    ]);
    // Ada sees it among what she may decide on.
    const forAda = await api.grant('ada', id);
    expect(forAda.actions).toEqual(['approve', 'deny']);

    const own = await api.act('grace', id, 'approve').expect(403);
    expect(own.body.error.message).toBe('You cannot approve your own request');
    const stranger = await api.act(STRANGER, id, 'approve').expect(403);
    expect(stranger.body.error.name).toBe('NotAllowedError');
    expect(writesFor(fake, 'grace').creates).toEqual([]);

    const approved = await api.act('ada', id, 'approve').expect(200);
    expect(approved.body).toEqual(
      expect.objectContaining({ state: 'approved', decidedBy: ref('ada') }),
    );
    const active = await grantInState(api, 'grace', id, 'active');
    expect(writesFor(fake, 'grace').creates).toEqual([
      expect.objectContaining({
        status: 'SUCCEEDED',
        assignment: {
          accountId: DEV,
          permissionSetArn: temporaryAccessOrg().permissionSets[0].arn,
          principalType: 'USER',
          principalId: userIdOf('grace'),
        },
      }),
    ]);
    expect(Date.parse(active.expiresAt!) - Date.parse(active.grantedAt!)).toBe(
      60 * 60_000,
    );
    expect(active.actions).toEqual(['revoke']);
    // Her page shows the role, through the same refresh as events.
    await waitFor(
      async () =>
        (await api.rolesOf('grace', DEV)).includes('PowerUser')
          ? true
          : undefined,
      "PowerUser on grace's page",
    );
    // She is told, and nothing more was created.
    expect(
      sent
        .filter(n => n.payload.scope === `aws-access:grant:${id}:outcome`)
        .map(n => [n.recipients, n.payload.title]),
    ).toEqual([
      [
        { type: 'entity', entityRef: ref('grace') },
        'Your request for PowerUser in platform-dev (111111111111) is approved',
      ],
      [
        { type: 'entity', entityRef: ref('grace') },
        `You hold PowerUser in platform-dev (111111111111) until ${active.expiresAt}`,
      ],
    ]);
    expect(writesFor(fake, 'grace').creates).toHaveLength(1);
    // Open Requests views reloaded on each change: asked, approved, active.
    expect(
      backend.signals.filter(
        s => (s.message as { grantId?: string }).grantId === id,
      ),
    ).toEqual(
      Array(3).fill({
        recipients: { type: 'broadcast' },
        channel: AWS_ACCESS_GRANTS_SIGNAL_CHANNEL,
        message: { grantId: id },
      }),
    );

    // Audited: the request, the refused and the granted approvals, the grant.
    expect(
      auditedFor(id).map(e => [e.eventId, e.severityLevel, e.status]),
    ).toEqual([
      ['access-grant-request', 'medium', 'succeeded'],
      ['access-grant-approve', 'high', 'failed'],
      ['access-grant-approve', 'high', 'failed'],
      ['access-grant-approve', 'high', 'succeeded'],
      ['access-grant-granted', 'high', 'succeeded'],
    ]);
    const facts = {
      subject: ref('grace'),
      organization: 'default',
      accountId: DEV,
      role: 'PowerUser',
      durationMinutes: 60,
      reason: 'Incident 4711: the deploy is stuck',
    };
    const [requested, , , approval, grantedEvent] = auditedFor(id);
    expect(requested.actor.actorId).toBe(ref('grace'));
    expect(requested.meta).toEqual(expect.objectContaining(facts));
    expect(approval.actor.actorId).toBe(ref('ada'));
    expect(approval.meta).toEqual(expect.objectContaining(facts));
    expect(grantedEvent.meta).toEqual(
      expect.objectContaining({ ...facts, expiresAt: active.expiresAt }),
    );
  });

  it.each<[string, object, string]>([
    [
      'a permission set outside the policy',
      { ...powerUser(), role: 'Billing' },
      "'Billing' cannot be requested for temporary access: the policy of sikt does not list it",
    ],
    [
      'a duration over its maximum',
      { ...powerUser(), durationMinutes: 121 },
      "Field 'durationMinutes' must be at most 120 for 'PowerUser'",
    ],
    [
      'a duration over the pattern rule',
      { ...powerUser(), role: 'Admin', durationMinutes: 31 },
      "Field 'durationMinutes' must be at most 30 for 'Admin'",
    ],
    [
      'no reason',
      { accountId: DEV, role: 'PowerUser', durationMinutes: 60 },
      "Field 'reason' is required by the policy",
    ],
    [
      'a blank reason',
      { ...powerUser(' \n\t ') },
      "Field 'reason' is required by the policy",
    ],
    [
      'a role that is not in the account',
      { ...powerUser(), accountId: DATA },
      "No role 'PowerUser' in the AWS account 'data-dev' (333333333333)",
    ],
    [
      'a duration that is not whole minutes',
      { ...powerUser(), durationMinutes: 1.5 },
      "Field 'durationMinutes' must be a whole number of minutes",
    ],
    [
      'a reason with a NUL character',
      { ...powerUser('a\u0000b') },
      "Field 'reason' must not contain NUL characters",
    ],
    [
      'a reason over 1000 characters',
      { ...powerUser('x'.repeat(1001)) },
      "Field 'reason' must be at most 1000 characters",
    ],
    [
      'no duration',
      { accountId: DEV, role: 'PowerUser', reason: 'x' },
      "Field 'durationMinutes' is required",
    ],
  ])('answers 400 for %s, recording nothing', async (_, body, message) => {
    const { api, sent } = backend;
    const before = sent.length;
    const res = await api.ask('heidi', body).expect(400);
    expect(res.body.error).toEqual(
      expect.objectContaining({ name: 'InputError', message }),
    );
    expect(sent.length).toBe(before);
    const mine = await api.list('heidi').expect(200);
    expect(mine.body.grants).toEqual([]);
  });

  it('answers 404 for an unknown account and an unknown request, 409 for a role already held', async () => {
    const { api } = backend;
    await api
      .ask('heidi', { ...powerUser(), accountId: '999999999999' })
      .expect(404);
    await api.act('ada', 'no-such-grant', 'approve').expect(404);
    const held = await api
      .ask('ada', { ...powerUser(), role: 'ReadOnly' })
      .expect(409);
    expect(held.body.error.message).toBe(
      "You already hold 'ReadOnly' in the AWS account 'platform-dev' (111111111111)",
    );
  });

  it('stores a hostile reason and returns it as the same text; a second open request is refused; the requester cancels', async () => {
    const { api, sent } = backend;
    const reason = `<script>alert("x")</script> it's "quoted"\nline two ø 🔐 \u202eevil\u202c`;
    const asked = await api
      .ask('ivan', { ...powerUser(reason), accountId: PROD })
      .expect(201);
    expect(asked.body.reason).toBe(reason);
    expect((await api.grant('ivan', asked.body.id)).reason).toBe(reason);
    expect((await api.grant('ada', asked.body.id)).reason).toBe(reason);
    expect(
      sent.find(n => n.payload.scope?.includes(asked.body.id))?.payload
        .description,
    ).toBe(`Reason: ${reason}`);

    const again = await api
      .ask('ivan', { ...powerUser(), accountId: PROD })
      .expect(409);
    expect(again.body.error.message).toBe(
      "You already have an open request for 'PowerUser' in the AWS account 'platform-prod' (222222222222) (pending)",
    );

    await api.act('ada', asked.body.id, 'cancel').expect(403);
    const cancelled = await api
      .act('ivan', asked.body.id, 'cancel')
      .expect(200);
    expect(cancelled.body.state).toBe('cancelled');
    await api.act('ada', asked.body.id, 'approve').expect(409);
    // Cancelled, it no longer stands in the way.
    const next = await api
      .ask('ivan', { ...powerUser(), accountId: PROD })
      .expect(201);
    await api.act('ivan', next.body.id, 'cancel').expect(200);
    expect(writesFor(fake, 'ivan').creates).toEqual([]);
  });

  it('approves once: a second approval is 409 and one assignment is made', async () => {
    const { api } = backend;
    const asked = await api.ask('judy', powerUser()).expect(201);
    await api.act('ada', asked.body.id, 'approve').expect(200);
    const second = await api.act('bob', asked.body.id, 'approve').expect(409);
    expect(second.body.error.name).toBe('ConflictError');
    expect(second.body.error.message).toMatch(
      /^The request is (approved|granting|active); only a pending one can be approved$/,
    );
    await grantInState(api, 'judy', asked.body.id, 'active');
    await api.act('bob', asked.body.id, 'approve').expect(409);
    expect(writesFor(fake, 'judy').creates).toHaveLength(1);
  });

  it('of two approvals at once, one wins and one assignment is made', async () => {
    const { api } = backend;
    const asked = await api.ask('erin', powerUser()).expect(201);
    const answers = await Promise.all([
      api.act('ada', asked.body.id, 'approve'),
      api.act('bob', asked.body.id, 'approve'),
    ]);
    expect(answers.map(a => a.status).sort()).toEqual([200, 409]);
    const active = await grantInState(api, 'erin', asked.body.id, 'active');
    const winner = answers.find(a => a.status === 200)!;
    expect(active.decidedBy).toBe(winner.body.decidedBy);
    expect(writesFor(fake, 'erin').creates).toHaveLength(1);
  });

  it('denies only with a reason, and tells the requester', async () => {
    const { api, sent } = backend;
    const asked = await api.ask('mallory', powerUser()).expect(201);
    const bare = await api.act('bob', asked.body.id, 'deny').expect(400);
    expect(bare.body.error.message).toBe("Field 'reason' must not be empty");
    await api.act('bob', asked.body.id, 'deny', { reason: '   ' }).expect(400);
    await api
      .act('mallory', asked.body.id, 'deny', { reason: 'no' })
      .expect(403);
    const denied = await api
      .act('bob', asked.body.id, 'deny', {
        reason: 'Use the <staging> account',
      })
      .expect(200);
    expect(denied.body).toEqual(
      expect.objectContaining({
        state: 'denied',
        decidedBy: ref('bob'),
        decisionReason: 'Use the <staging> account',
      }),
    );
    expect(
      sent.find(
        n => n.payload.scope === `aws-access:grant:${asked.body.id}:outcome`,
      ),
    ).toEqual({
      recipients: { type: 'entity', entityRef: ref('mallory') },
      payload: expect.objectContaining({
        title:
          'Your request for PowerUser in platform-dev (111111111111) is denied',
        description: 'Reason: Use the <staging> account',
      }),
    });
    await api.act('ada', asked.body.id, 'approve').expect(409);
    expect(
      auditedFor(asked.body.id)
        .filter(e => e.status === 'succeeded')
        .map(e => [e.eventId, e.meta?.decisionReason]),
    ).toEqual([
      ['access-grant-request', null],
      ['access-grant-deny', 'Use the <staging> account'],
    ]);
    expect(writesFor(fake, 'mallory').creates).toEqual([]);
  });

  it('revokes an active grant: the assignment is deleted and the role leaves the page', async () => {
    const { api } = backend;
    const active = await activeGrant('niaj');
    await waitFor(
      async () =>
        (await api.rolesOf('niaj', DEV)).includes('PowerUser')
          ? true
          : undefined,
      'PowerUser on the page',
    );
    await api.act(STRANGER, active.id, 'revoke').expect(403);
    const revoked = await api
      .act('niaj', active.id, 'revoke', { reason: 'Done early' })
      .expect(200);
    expect(revoked.body.state).toBe('expiring');
    const removed = await grantInState(api, 'niaj', active.id, 'removed');
    expect(removed.removedAt).toBeDefined();
    // The revoke is recorded beside the approval, never over it.
    expect(removed).toEqual(
      expect.objectContaining({
        decidedBy: active.decidedBy,
        revokedBy: ref('niaj'),
        revokeReason: 'Done early',
      }),
    );
    expect(removed.decidedBy).toBeDefined();
    expect(writesFor(fake, 'niaj').deletes).toEqual([
      expect.objectContaining({ status: 'SUCCEEDED' }),
    ]);
    expect(fake.assignmentsOf(userIdOf('niaj'))).toEqual([]);
    // The group's own assignments are never touched.
    expect(
      fake.org.assignments.filter(a => a.principalType === 'GROUP'),
    ).toEqual(temporaryAccessOrg().assignments);
    await waitFor(
      async () =>
        (await api.rolesOf('niaj', DEV)).includes('PowerUser')
          ? undefined
          : true,
      'PowerUser gone from the page',
    );
    await api.act('niaj', active.id, 'revoke').expect(409);
    // Taken back, it can be asked for again.
    const again = await api.ask('niaj', powerUser()).expect(201);
    await api.act('niaj', again.body.id, 'cancel').expect(200);
    expect(
      auditedFor(active.id).map(e => [e.eventId, e.severityLevel, e.status]),
    ).toEqual(
      expect.arrayContaining([
        ['access-grant-revoke', 'medium', 'failed'],
        ['access-grant-revoke', 'medium', 'succeeded'],
        ['access-grant-removed', 'medium', 'succeeded'],
      ]),
    );
  });

  it('keeps retrying a removal that fails, shows it overdue, tells the approvers once, and removes it when Identity Center recovers', async () => {
    const { api, sent } = backend;
    const active = await activeGrant('olivia');
    fake.failNext('DeleteAccountAssignment', 2, {
      status: 'FAILED',
      reason: 'Injected failure',
    });
    await api.act('ada', active.id, 'revoke').expect(200);
    const overdue = await waitFor(async () => {
      const grant = await api.grant('olivia', active.id);
      return grant.overdue ? grant : undefined;
    }, 'the removal overdue');
    expect(overdue).toEqual(
      expect.objectContaining({
        state: 'expiring',
        lastError: expect.stringContaining('Injected failure'),
      }),
    );
    const overdueNotices = () =>
      sent.filter(
        n => n.payload.scope === `aws-access:grant:${active.id}:overdue`,
      );
    expect(overdueNotices()).toEqual([
      {
        recipients: {
          type: 'entity',
          entityRef: [PLATFORM],
          excludeEntityRef: ref('olivia'),
        },
        payload: expect.objectContaining({
          title: expect.stringMatching(
            /^Removing PowerUser from user:default\/olivia in platform-dev .* is overdue$/,
          ),
          severity: 'critical',
        }),
      },
    ]);
    // Retried after 5 s (the wall clock moves on), and fails again: no second notice.
    moveWallClockTo(Date.now() + 5_000);
    await waitFor(
      async () =>
        writesFor(fake, 'olivia').deletes.length === 2 ? true : undefined,
      'the second removal',
    );
    await waitFor(
      async () =>
        backend.audited.filter(
          e =>
            e.meta?.grant === active.id &&
            e.eventId === 'access-grant-removal-failed' &&
            e.status === 'failed',
        ).length === 2
          ? true
          : undefined,
      'the second failure reported',
    );
    expect(overdueNotices()).toHaveLength(1);
    expect(fake.assignmentsOf(userIdOf('olivia'))).toHaveLength(1);
    // Identity Center recovers; the next try, 10 s later, succeeds.
    moveWallClockTo(Date.now() + 10_000);
    const removed = await grantInState(api, 'olivia', active.id, 'removed');
    expect(removed.overdue).toBe(false);
    expect(fake.assignmentsOf(userIdOf('olivia'))).toEqual([]);
    expect(writesFor(fake, 'olivia').deletes.map(d => d.status)).toEqual([
      'FAILED',
      'FAILED',
      'SUCCEEDED',
    ]);
    expect(overdueNotices()).toHaveLength(1);
    expect(
      auditedFor(active.id)
        .filter(e => e.eventId.startsWith('access-grant-remov'))
        .map(e => [e.eventId, e.severityLevel, e.status]),
    ).toEqual([
      ['access-grant-removal-failed', 'critical', 'failed'],
      ['access-grant-removal-failed', 'critical', 'failed'],
      ['access-grant-removed', 'medium', 'succeeded'],
    ]);
  });

  it('fails a grant for someone Identity Center does not know, telling them once', async () => {
    const { api, sent } = backend;
    // Xena is in the catalog but not (any more) in the identity store.
    fake.org.users = fake.org.users!.filter(u => u.id !== userIdOf('xena'));
    const asked = await api.ask('xena', powerUser()).expect(201);
    await api.act('bob', asked.body.id, 'approve').expect(200);
    const failed = await grantInState(api, 'xena', asked.body.id, 'failed');
    // The last sync still knew her id: Identity Center refuses the assignment.
    expect(failed.lastError).toMatch(
      /^Identity Center could not assign .* the USER assignee \S+ was not found in directory$/,
    );
    expect(writesFor(fake, 'xena').creates).toEqual([
      expect.objectContaining({ status: 'FAILED' }),
    ]);
    expect(fake.assignmentsOf(userIdOf('xena'))).toEqual([]);
    expect(
      sent
        .filter(
          n => n.payload.scope === `aws-access:grant:${asked.body.id}:outcome`,
        )
        .map(n => n.payload.title),
    ).toEqual([
      'Your request for PowerUser in platform-dev (111111111111) is approved',
      'PowerUser in platform-dev (111111111111) could not be granted',
    ]);
    expect(
      auditedFor(asked.body.id)
        .filter(e => e.eventId === 'access-grant-failed')
        .map(e => [
          e.severityLevel,
          e.status,
          'error' in e ? e.error.message : undefined,
        ]),
    ).toEqual([['high', 'failed', failed.lastError]]);
    // A failed request is closed: they may ask again.
    const again = await api.ask('xena', powerUser()).expect(201);
    await api.act('xena', again.body.id, 'cancel').expect(200);
  });

  it('grants a self-service role at once, without an approver', async () => {
    const { api, sent } = backend;
    const asked = await api
      .ask('peggy', {
        accountId: DEV,
        role: 'ReadOnly',
        durationMinutes: 480,
        reason: 'Reading logs',
      })
      .expect(201);
    expect(asked.body).toEqual(
      expect.objectContaining({
        state: 'approved',
        approvers: [],
        decidedBy: ref('peggy'),
      }),
    );
    await grantInState(api, 'peggy', asked.body.id, 'active');
    expect(writesFor(fake, 'peggy').creates).toHaveLength(1);
    expect(
      sent.filter(
        n =>
          n.payload.scope?.includes(asked.body.id) &&
          n.recipients.type === 'entity' &&
          n.recipients.entityRef !== ref('peggy'),
      ),
    ).toEqual([]);
  });

  describe('permissions', () => {
    it('refuses an approver whom the policy denies aws-access.grant.approve', async () => {
      const { api } = backend;
      const asked = await api.ask('rupert', powerUser()).expect(201);
      policy.decide = permission =>
        permission === awsAccessGrantApprovePermission.name
          ? { result: AuthorizeResult.DENY }
          : { result: AuthorizeResult.ALLOW };
      const res = await api.act('ada', asked.body.id, 'approve').expect(403);
      expect(res.body.error.message).toContain(
        "permission 'aws-access.grant.approve'",
      );
      await api.act('ada', asked.body.id, 'deny', { reason: 'x' }).expect(403);
      // The requester may still take it back.
      await api.act('rupert', asked.body.id, 'cancel').expect(200);
    });

    it('applies a conditional decision with isApprover to the request', async () => {
      const { api } = backend;
      const claimsOf: Record<string, string[]> = {
        [ref('ada')]: [ref('ada'), PLATFORM],
        // A policy that gives bob other claims than the team behind the group.
        [ref('bob')]: [ref('bob'), DATA_TEAM],
      };
      policy.decide = (permission, userRef) =>
        permission === awsAccessGrantApprovePermission.name
          ? createAwsAccessGrantConditionalDecision(
              awsAccessGrantApprovePermission,
              awsAccessGrantConditions.isApprover({
                claims: claimsOf[userRef ?? ''] ?? [],
              }),
            )
          : { result: AuthorizeResult.ALLOW };
      const asked = await api.ask('sybil', powerUser()).expect(201);
      const refused = await api.act('bob', asked.body.id, 'approve');
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toContain(
        "permission 'aws-access.grant.approve'",
      );
      await api.act('ada', asked.body.id, 'approve').expect(200);
      const active = await grantInState(api, 'sybil', asked.body.id, 'active');
      expect(active.decidedBy).toBe(ref('ada'));
    });

    it('lists every grant by state for auditors only', async () => {
      const { api } = backend;
      policy.decide = permission =>
        permission === awsAccessGrantAuditPermission.name
          ? { result: AuthorizeResult.DENY }
          : { result: AuthorizeResult.ALLOW };
      const denied = await api.list(STRANGER, { state: 'active' }).expect(403);
      expect(denied.body.error.message).toContain(
        "permission 'aws-access.grant.audit'",
      );
      policy.decide = allowEverything;
      const res = await api
        .list(STRANGER, { state: 'active,removed' })
        .expect(200);
      const grants: AccessGrant[] = res.body.grants;
      expect(grants.length).toBeGreaterThan(0);
      expect(
        grants.every(g => g.state === 'active' || g.state === 'removed'),
      ).toBe(true);
      // Everybody's, not only the caller's own or those they approve.
      expect(grants.map(g => g.requester)).toEqual(
        expect.arrayContaining([ref('grace'), ref('niaj')]),
      );
      await api.list(STRANGER, { state: 'bogus' }).expect(400);
    });

    it('publishes its grant permissions and the IS_APPROVER rule for policies', async () => {
      const res = await request(backend.server)
        .get('/api/aws-access/.well-known/backstage/permissions/metadata')
        .set('Authorization', mockCredentials.service.header());
      expect(res.status).toBe(200);
      expect(res.body.permissions).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            name: 'aws-access.grant.approve',
            type: 'resource',
            resourceType: 'aws-access-grant',
          }),
          expect.objectContaining({
            name: 'aws-access.grant.audit',
            type: 'basic',
          }),
        ]),
      );
      expect(res.body.rules).toEqual([
        expect.objectContaining({
          name: 'IS_APPROVER',
          resourceType: 'aws-access-grant',
          paramsSchema: expect.objectContaining({ required: ['claims'] }),
        }),
      ]);
    });

    it('answers 401 without a signed-in user and 403 to a service', async () => {
      const { server } = backend;
      const statuses = async (authorization: string) =>
        (
          await Promise.all([
            request(server)
              .post('/api/aws-access/access-grants')
              .set('Authorization', authorization)
              .send(powerUser()),
            request(server)
              .get('/api/aws-access/access-grants')
              .set('Authorization', authorization),
            request(server)
              .post('/api/aws-access/access-grants/x/approve')
              .set('Authorization', authorization),
          ])
        ).map(res => res.status);
      expect(await statuses(mockCredentials.none.header())).toEqual([
        401, 401, 401,
      ]);
      expect(await statuses(mockCredentials.service.header())).toEqual([
        403, 403, 403,
      ]);
    });
  });

  describe('at expiry', () => {
    it('takes the role back once its time is up', async () => {
      const { api, sent } = backend;
      const active = await activeGrant('trent', {
        ...powerUser(),
        durationMinutes: 1,
      });
      expect(fake.assignmentsOf(userIdOf('trent'))).toHaveLength(1);
      // The wall clock passes the grant's end.
      moveWallClockTo(Date.parse(active.expiresAt!) + 1000);
      const removed = await grantInState(api, 'trent', active.id, 'removed');
      expect(Date.parse(removed.removedAt!)).toBeGreaterThan(
        Date.parse(active.expiresAt!),
      );
      expect(fake.assignmentsOf(userIdOf('trent'))).toEqual([]);
      expect(writesFor(fake, 'trent').deletes).toHaveLength(1);
      expect(
        sent
          .filter(
            n => n.payload.scope === `aws-access:grant:${active.id}:outcome`,
          )
          .map(n => n.payload.title)
          .pop(),
      ).toBe('PowerUser in platform-dev (111111111111) has been taken back');
      // Expiry, not a revoke: its own event.
      expect(
        auditedFor(active.id).filter(e => e.eventId === 'access-grant-removed'),
      ).toEqual([]);
      const [expiry] = auditedFor(active.id).filter(
        e => e.eventId === 'access-grant-expired',
      );
      expect(expiry).toEqual(
        expect.objectContaining({
          severityLevel: 'medium',
          status: 'succeeded',
          meta: expect.objectContaining({
            subject: ref('trent'),
            accountId: DEV,
            role: 'PowerUser',
            durationMinutes: 1,
            reason: 'Incident 4711: the deploy is stuck',
          }),
        }),
      );
    });
  });
});

describe('temporary access with several organisations', () => {
  const SANDBOX_ACCOUNT = '444444444444';
  let fake: FakeIdentityCenter;
  let backend: TemporaryAccessBackend;

  beforeAll(async () => {
    fake = await FakeIdentityCenter.start(temporaryAccessOrg());
    backend = await startTemporaryAccessBackend({
      fake,
      policy: { decide: allowEverything },
      knex: await databases.init('SQLITE_3'),
      // Production on Identity Center with the policy; a declared sandbox without one,
      // where the platform team holds PowerUser too.
      awsAccess: ({ sso, ...production }) => ({
        organizations: [
          {
            id: 'prod',
            title: 'Production',
            sso: { ...(sso as object), sessionName: 'prod' },
            ...production,
          },
          {
            id: 'sandbox',
            title: 'Sandbox',
            sso: {
              sessionName: 'sandbox',
              startUrl: 'https://d-5a5d000000.awsapps.com/start',
              region: 'eu-north-1',
            },
            source: 'static',
            static: {
              accounts: [{ id: SANDBOX_ACCOUNT, name: 'platform-dev' }],
              permissionSets: [{ name: 'PowerUser' }],
              groups: [{ id: 'sandbox-platform', displayName: 'platform' }],
              assignments: [
                {
                  group: 'platform',
                  accounts: ['platform-dev'],
                  permissionSets: ['PowerUser'],
                },
              ],
            },
          },
        ],
      }),
    });
  });
  afterAll(async () => {
    await backend?.stop();
    await fake?.stop();
  });

  it('follows each organisation its own policy, and names the organisation', async () => {
    const { api, sent } = backend;
    const settings = (await api.accounts('heidi').expect(200)).body.settings;
    expect(
      settings.organizations.map(
        (o: { id: string; temporaryAccess?: unknown }) => [
          o.id,
          o.temporaryAccess !== undefined,
        ],
      ),
    ).toEqual([
      ['prod', true],
      ['sandbox', false],
    ]);
    const refused = await api
      .ask('heidi', {
        ...powerUser(),
        organization: 'sandbox',
        accountId: SANDBOX_ACCOUNT,
      })
      .expect(400);
    expect(refused.body.error.message).toBe(
      'Temporary access is not enabled for Sandbox (awsAccess temporaryAccess)',
    );
    // The declared sandbox serves at once; production once its first sync is in.
    const asked = await waitFor(async () => {
      const res = await api.ask('heidi', {
        ...powerUser(),
        organization: 'prod',
      });
      return res.status === 404 ? undefined : res;
    }, "production's first sync");
    expect(asked.status).toBe(201);
    expect(asked.body).toEqual(
      expect.objectContaining({ organization: 'prod', state: 'pending' }),
    );
    expect(
      sent.find(n => n.payload.scope?.includes(asked.body.id))?.payload.title,
    ).toBe(
      'Heidi asks for PowerUser in platform-dev (111111111111, Production) for 1 h',
    );
  });
});
