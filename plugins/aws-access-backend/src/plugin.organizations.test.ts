import { FakeIdentityCenter, FakeOrg } from '@aws-access/fake-identity-center';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import request from 'supertest';
import { Server } from 'node:http';
import {
  fakeOrg,
  fakeOrgTeam as groupEntity,
} from './__testUtils__/fakeOrganization';
import {
  startAwsAccessBackend,
  waitFor,
} from './__testUtils__/startAwsAccessBackend';

jest.setTimeout(60_000);

/**
 * A second Identity Center instance beside `fakeOrg`: its own instance, identity store,
 * account ids and group ids, but the same account names and group display names.
 */
function sandboxOrg(): FakeOrg {
  const org = structuredClone(fakeOrg);
  const accountId = (id: string) => String(Number(id) + 1);
  const groupId = (id: string) => id.replace(/^9067a4b2c1/, '5a5db0c0de');
  return {
    ...org,
    instanceArn: 'arn:aws:sso:::instance/ssoins-5a5d000000000000',
    identityStoreId: 'd-5a5d000000',
    accounts: org.accounts.map(a => ({ ...a, id: accountId(a.id) })),
    groups: org.groups.map(g => ({ ...g, id: groupId(g.id) })),
    assignments: org.assignments.map(a => ({
      ...a,
      accountId: accountId(a.accountId),
      principalId: groupId(a.principalId),
    })),
  };
}

const everySecond = {
  frequency: { seconds: 1 },
  timeout: { seconds: 30 },
  initialDelay: { seconds: 0 },
};

function organizationConfig(id: string, title: string, fakeUrl: string) {
  return {
    id,
    title,
    sso: {
      sessionName: `${id}-sso`,
      startUrl: `https://${id}.awsapps.com/start`,
      region: 'eu-north-1',
    },
    source: 'identityCenter',
    identityCenter: {
      maxAttempts: 2,
      schedule: everySecond,
      endpoints: {
        ssoAdmin: fakeUrl,
        identityStore: fakeUrl,
        organizations: fakeUrl,
      },
    },
  };
}

/** Account Resources naming a sandbox account, with its organisation or a wrong one. */
const accountResources = [
  ['sandbox-account', 'sandbox'],
  ['lost-account', 'nowhere'],
].map(([name, organizationId]) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name,
    namespace: 'default',
    annotations: {
      'amazonaws.com/account-id': sandboxOrg().accounts[0].id,
      'aws-access/organization': organizationId,
    },
  },
  spec: { type: 'aws-account', owner: 'group:default/group-1' },
}));

interface Account {
  organization: string;
  id: string;
  name: string;
  roles: Array<{ name: string; grantedVia: string[] }>;
}

describe('two organisations through the API', () => {
  let prod: FakeIdentityCenter;
  let sandbox: FakeIdentityCenter;
  let server: Server;

  beforeAll(async () => {
    prod = await FakeIdentityCenter.start(structuredClone(fakeOrg));
    sandbox = await FakeIdentityCenter.start(sandboxOrg());
    server = await startAwsAccessBackend({
      // The real scheduler: each organisation syncs on its own schedule.
      features: [schedulerServiceFactory],
      catalog: [groupEntity, ...accountResources],
      config: {
        aws: {
          mainAccount: { accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake' },
        },
        awsAccess: {
          organizations: [
            organizationConfig('prod', 'Production', prod.url),
            organizationConfig('sandbox', 'Sandbox', sandbox.url),
          ],
        },
      },
    });
  });
  afterAll(async () => {
    await Promise.all([prod.stop(), sandbox.stop()]);
  });

  const teamAccounts = async () => {
    const res = await request(server).get(
      '/api/aws-access/entities/group/default/group-1/accounts',
    );
    return res.status === 200 &&
      new Set(res.body.accounts.map((a: Account) => a.organization)).size === 2
      ? res
      : undefined;
  };

  const expectedAccounts = (org: FakeOrg) =>
    [
      ...new Set(
        org.assignments
          .filter(a => a.principalId === org.groups[1].id)
          .map(a => a.accountId),
      ),
    ].sort();

  it('gives a team matched by name in both the accounts of each, each naming its organisation, never merged', async () => {
    const res = await waitFor(teamAccounts, 'both organisations synced');
    const accounts: Account[] = res.body.accounts;
    const idsOf = (organization: string) =>
      accounts
        .filter(a => a.organization === organization)
        .map(a => a.id)
        .sort();
    expect(idsOf('prod')).toEqual(expectedAccounts(fakeOrg));
    expect(idsOf('sandbox')).toEqual(expectedAccounts(sandboxOrg()));
    // The same account name in both organisations stays two accounts.
    const shared = accounts.find(
      a =>
        a.organization === 'prod' &&
        accounts.some(b => b.organization === 'sandbox' && b.name === a.name),
    );
    expect(shared).toBeDefined();
    // The same group name in both is two groups; each organisation's team hint is its own.
    expect(res.body.teams).toEqual({
      prod: { 'group-1': 'group:default/group-1' },
      sandbox: { 'group-1': 'group:default/group-1' },
    });
    expect(
      res.body.settings.organizations.map(
        (o: { id: string; title: string; sso: { sessionName: string } }) =>
          `${o.id}/${o.title}/${o.sso.sessionName}`,
      ),
    ).toEqual(['prod/Production/prod-sso', 'sandbox/Sandbox/sandbox-sso']);

    // The lookup finds the shared name in both, each hit naming its organisation.
    const hits = await request(server)
      .get('/api/aws-access/accounts')
      .query({ query: shared!.name })
      .expect(200);
    expect(hits.body.items.map((h: Account) => h.organization).sort()).toEqual([
      'prod',
      'sandbox',
    ]);

    // One session per organisation; every profile refers to its own.
    const config = await request(server)
      .get('/api/aws-access/entities/group/default/group-1/aws-config')
      .expect(200);
    expect(config.text.match(/^\[sso-session .*\]$/gm)).toEqual([
      '[sso-session prod-sso]',
      '[sso-session sandbox-sso]',
    ]);
    const profiles = config.text
      .split('\n\n')
      .filter((b: string) => b.startsWith('[profile '));
    expect(profiles).toHaveLength(
      accounts.reduce((n, a) => n + a.roles.length, 0),
    );
    for (const block of profiles) {
      const account = /sso_account_id = (\d+)/.exec(block)![1];
      const owner = accounts.find(a => a.id === account)!.organization;
      expect(block).toContain(`sso_session = ${owner}-sso`);
      expect(block).toMatch(new RegExp(`^\\[profile ${owner}-`));
    }
  });

  it("shows an account Resource's grants in the organisation it names", async () => {
    await waitFor(teamAccounts, 'both organisations synced');
    const grants = await request(server)
      .get('/api/aws-access/entities/resource/default/sandbox-account/grants')
      .expect(200);
    expect(grants.body.account).toMatchObject({
      organization: 'sandbox',
      id: sandboxOrg().accounts[0].id,
    });
    const lost = await request(server)
      .get('/api/aws-access/entities/resource/default/lost-account/grants')
      .expect(400);
    expect(lost.body.error.message).toBe(
      "Annotation 'aws-access/organization' on 'resource:default/lost-account' names \"nowhere\", which is not an organization of this portal",
    );
  });

  it('keeps serving one organisation while the other fails, and says which has none', async () => {
    await waitFor(teamAccounts, 'both organisations synced');
    // Sandbox's credentials stop working: its last snapshot stays, then it is reported.
    sandbox.behaviour = {
      deniedOperations: ['ListInstances', 'ListAccounts', 'ListGroups'],
    };
    const failed = await waitFor(async () => {
      const r = await request(server).get('/api/aws-access/status');
      const sandboxNow = r.body.organizations?.find(
        (o: { id: string }) => o.id === 'sandbox',
      );
      return sandboxNow?.lastError ? r : undefined;
    }, 'a failed sandbox sync');
    const [prodStatus, sandboxStatus] = failed.body.organizations;
    expect(prodStatus).toMatchObject({
      id: 'prod',
      title: 'Production',
      hasData: true,
      stale: false,
    });
    expect(prodStatus.lastError).toBeUndefined();
    expect(sandboxStatus).toMatchObject({
      id: 'sandbox',
      title: 'Sandbox',
      hasData: true,
      stale: true,
    });
    expect(sandboxStatus.lastError).toMatch(/AccessDenied/);
    expect(failed.body.stale).toBe(true);
    // Prod keeps syncing on its own schedule meanwhile.
    const before = Date.parse(prodStatus.lastSuccessAt);
    await waitFor(async () => {
      const r = await request(server).get('/api/aws-access/status');
      return Date.parse(r.body.organizations[0].lastSuccessAt) > before
        ? r
        : undefined;
    }, 'a later prod sync');
    expect(await teamAccounts()).toBeDefined();
    sandbox.behaviour = {};
  });
});

describe('an organisation that never synced', () => {
  it('leaves /health 200 while another has data, naming the one without', async () => {
    const prod = await FakeIdentityCenter.start(structuredClone(fakeOrg));
    const down = await FakeIdentityCenter.start(sandboxOrg(), {
      failAfterRequests: 0,
    });
    try {
      const server = await startAwsAccessBackend({
        features: [schedulerServiceFactory],
        catalog: [groupEntity],
        config: {
          aws: {
            mainAccount: { accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake' },
          },
          awsAccess: {
            organizations: [
              organizationConfig('prod', 'Production', prod.url),
              organizationConfig('sandbox', 'Sandbox', down.url),
            ],
          },
        },
      });
      const health = await waitFor(async () => {
        const r = await request(server).get('/api/aws-access/health');
        return r.status === 200 ? r : undefined;
      }, 'prod synced');
      expect(health.body).toEqual({
        status: 'ok',
        organizationsWithoutData: ['sandbox'],
      });
      const accounts = await request(server)
        .get('/api/aws-access/entities/group/default/group-1/accounts')
        .expect(200);
      expect(
        new Set(accounts.body.accounts.map((a: Account) => a.organization)),
      ).toEqual(new Set(['prod']));
      const status = await waitFor(async () => {
        const r = await request(server).get('/api/aws-access/status');
        return r.body.organizations?.[1]?.lastError ? r : undefined;
      }, "sandbox's failed sync reported");
      expect(status.body.organizations[1]).toMatchObject({
        id: 'sandbox',
        hasData: false,
        stale: true,
      });
      expect(status.body.organizations[1].lastError).toMatch(
        /InternalServerException/,
      );
    } finally {
      await Promise.all([prod.stop(), down.stop()]);
    }
  });
});
