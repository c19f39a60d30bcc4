import { mockCredentials } from '@backstage/backend-test-utils';
import { FakeIdentityCenter } from '@aws-access/fake-identity-center';
import {
  fakeOrg as org,
  fakeOrgTeam as groupEntity,
} from './__testUtils__/fakeOrganization';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import request from 'supertest';
import { identityCenterConfig } from './__testUtils__/identityCenterConfig';
import {
  startAwsAccessBackend,
  waitFor,
} from './__testUtils__/startAwsAccessBackend';

jest.setTimeout(60_000);

describe('the Identity Center source through the API', () => {
  let fake: FakeIdentityCenter;

  beforeEach(async () => {
    fake = await FakeIdentityCenter.start(structuredClone(org));
  });
  afterEach(async () => {
    await fake.stop();
  });

  async function start() {
    return startAwsAccessBackend({
      // The real scheduler, so the sync repeats on its schedule as in production.
      features: [schedulerServiceFactory],
      catalog: [groupEntity],
      config: identityCenterConfig(fake.url, {
        schedule: {
          frequency: { seconds: 1 },
          timeout: { seconds: 30 },
          initialDelay: { seconds: 0 },
        },
      }),
    });
  }

  const accountsPath =
    '/api/aws-access/entities/group/default/group-1/accounts';
  const expectedIds = [
    ...new Set(
      org.assignments
        .filter(a => a.principalId === org.groups[1].id)
        .map(a => a.accountId),
    ),
  ].sort();

  it('answers 503 with a reason until the first sync, then serves the snapshot', async () => {
    fake.behaviour = { failAfterRequests: 0 };
    const server = await start();
    const early = await waitFor(async () => {
      const res = await request(server).get(accountsPath);
      return /last attempt failed/.test(res.body?.error?.message ?? '')
        ? res
        : undefined;
    }, 'a failed first sync');
    expect(early.status).toBe(503);
    expect(early.body.error.message).toContain('InternalServerException');
    // Health tells a load balancer there is nothing to serve, and no more than that.
    const unhealthy = await request(server).get('/api/aws-access/health');
    expect(unhealthy.status).toBe(503);
    expect(unhealthy.body).toEqual({
      status: 'unavailable',
      message: 'No AWS access data to serve yet; see /status',
      organizationsWithoutData: ['default'],
    });

    fake.behaviour = {};
    const res = await waitFor(async () => {
      const r = await request(server).get(accountsPath);
      return r.status === 200 ? r : undefined;
    }, 'the first snapshot');
    expect(res.body.accounts.map((a: { id: string }) => a.id).sort()).toEqual(
      expectedIds,
    );
    const healthy = await request(server).get('/api/aws-access/health');
    expect(healthy.status).toBe(200);
    expect(healthy.body).toEqual({ status: 'ok' });
  });

  it('keeps serving the last good snapshot through an outage and reports it', async () => {
    const server = await start();
    const first = await waitFor(async () => {
      const r = await request(server).get(accountsPath);
      return r.status === 200 ? r : undefined;
    }, 'the first snapshot');

    const status = await request(server)
      .get('/api/aws-access/status')
      .expect(200);
    expect(status.body).toMatchObject({
      stale: false,
      organizations: [
        {
          id: 'default',
          title: 'sikt',
          hasData: true,
          source: 'identityCenter',
          counts: {
            accounts: 12,
            permissionSets: 4,
            groups: 6,
            assignments: org.assignments.length,
          },
          assignmentsMethod: 'perPrincipal',
          callsByOperation: {
            ListInstances: 1,
            ListAccounts: 1,
            ListGroups: 1,
            DescribePermissionSet: 4,
          },
        },
      ],
    });
    expect(status.body.organizations).toHaveLength(1);
    expect(status.body.organizations[0].lastError).toBeUndefined();
    expect(status.body.organizations[0].stale).toBe(false);

    // Part of the next sync succeeds, then the fake fails: nothing half-written may show.
    fake.resetCalls();
    fake.behaviour = {
      failAfterRequests: Object.values(fake.calls).length + 5,
    };
    fake.org.assignments = [];
    const failed = await waitFor(async () => {
      const r = await request(server).get('/api/aws-access/status');
      return r.body.organizations?.[0]?.lastError ? r : undefined;
    }, 'a failed sync');
    const [failedOrganization] = failed.body.organizations;
    expect(failedOrganization.lastError).toMatch(/InternalServerException/);
    expect(failed.body.stale).toBe(true);
    expect(failedOrganization.stale).toBe(true);
    expect(failedOrganization.hasData).toBe(true);
    expect(failedOrganization.staleReason).toMatch(
      /^The last sync from IAM Identity Center failed: .*InternalServerException/,
    );
    expect(failedOrganization.counts.assignments).toBe(org.assignments.length);
    expect(Date.parse(failedOrganization.lastAttemptAt)).toBeGreaterThan(
      Date.parse(failedOrganization.lastSuccessAt),
    );

    const during = await request(server).get(accountsPath).expect(200);
    expect(during.body.accounts).toEqual(first.body.accounts);
  });

  it('requires a caller for the status route', async () => {
    const server = await start();
    const res = await request(server)
      .get('/api/aws-access/status')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });
});
