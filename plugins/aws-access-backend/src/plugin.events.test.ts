import { FakeIdentityCenter } from '@aws-access/fake-identity-center';
import {
  fakeOrg as org,
  fakeOrgTeam as groupEntity,
} from './__testUtils__/fakeOrganization';
import { AWS_ACCESS_SNAPSHOT_SIGNAL_CHANNEL } from '@aws-access/backstage-plugin-aws-access-common';
import request from 'supertest';
import {
  cloudTrailEvent,
  startEventsBackend,
} from './__testUtils__/startEventsBackend';
import { waitFor } from './__testUtils__/startAwsAccessBackend';

const TOPIC = 'awsAccessIdentityCenter';

jest.setTimeout(60_000);

describe('events through the events system', () => {
  let fake: FakeIdentityCenter;

  beforeEach(async () => {
    fake = await FakeIdentityCenter.start(structuredClone(org));
  });
  afterEach(async () => {
    await fake.stop();
  });

  const start = () =>
    startEventsBackend(fake, { catalog: [groupEntity], topic: TOPIC });

  const accountsPath =
    '/api/aws-access/entities/group/default/group-1/accounts';
  const group = org.groups[1];
  const accountIdsOf = (res: request.Response) =>
    res.body.accounts.map((a: { id: string }) => a.id).sort();

  it('shows an assignment made in Identity Center after its event, through hostile traffic', async () => {
    const { server, publish, signals } = await start();
    const first = await waitFor(async () => {
      const r = await request(server).get(accountsPath);
      return r.status === 200 ? r : undefined;
    }, 'the first snapshot');
    const before = accountIdsOf(first);
    const newAccount = org.accounts.find(a => !before.includes(a.id))!;
    expect(newAccount).toBeDefined();
    signals.length = 0;
    fake.resetCalls();

    const assignment = {
      instanceArn: org.instanceArn,
      targetId: newAccount.id,
      targetType: 'AWS_ACCOUNT',
      permissionSetArn: org.permissionSets[0].arn,
      principalType: 'GROUP',
      principalId: group.id,
    };
    // Hostile and foreign events first: none of them may stop what follows.
    const hostile = [
      'not json at all {',
      { detail: { eventSource: 'sso.amazonaws.com' } },
      cloudTrailEvent('sso.amazonaws.com', 'CreateAccountAssignment', {
        ...assignment,
        instanceArn: 'arn:aws:sso:::instance/ssoins-0000000000000000',
      }),
      cloudTrailEvent('sso.amazonaws.com', 'ListInstances', {
        instanceArn: org.instanceArn,
      }),
    ];
    for (const eventPayload of hostile) {
      await publish({ topic: TOPIC, eventPayload });
    }
    fake.org.assignments.push({
      accountId: newAccount.id,
      permissionSetArn: org.permissionSets[0].arn,
      principalType: 'GROUP',
      principalId: group.id,
    });
    const event = cloudTrailEvent(
      'sso.amazonaws.com',
      'CreateAccountAssignment',
      assignment,
    );
    // A retried delivery gone wrong: the same event 10,000 times.
    await Promise.all(
      Array.from({ length: 10_000 }, () =>
        publish({ topic: TOPIC, eventPayload: event }),
      ),
    );

    const after = await waitFor(async () => {
      const r = await request(server).get(accountsPath);
      expect(r.status).toBe(200);
      return accountIdsOf(r).includes(newAccount.id) ? r : undefined;
    }, 'the new account');
    expect(accountIdsOf(after)).toEqual([...before, newAccount.id].sort());
    // One listing for the one principal, however many copies of the event came; the
    // instance (not configured here) is looked up once to check events against.
    expect(fake.calls).toEqual({
      ListInstances: 1,
      ListAccountAssignmentsForPrincipal: 1,
    });
    expect(signals.map(s => s.channel)).toEqual([
      AWS_ACCESS_SNAPSHOT_SIGNAL_CHANNEL,
    ]);

    const status = await request(server).get('/api/aws-access/status');
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({
      stale: false,
      eventsReceived: 10_004,
      eventsIgnored: { malformed: 2, otherInstance: 1, unknownEvent: 1 },
      organizations: [
        { id: 'default', stale: false, counts: { accounts: 12 } },
      ],
    });
    expect(status.body.organizations[0].lastChangeLagMs).toBeGreaterThanOrEqual(
      200,
    );
    expect(Date.parse(status.body.lastEventAt)).toBeGreaterThan(0);
  });
});
