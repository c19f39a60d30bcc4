import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { startAwsAccessBackend } from './__testUtils__/startAwsAccessBackend';

/** The example organisation, signed in by default as a member of the `data` team. */
function startBackend(
  permissionResult:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
  ownershipEntityRefs = ['user:default/grace', 'group:default/data'],
) {
  return startAwsAccessBackend({ permissionResult, ownershipEntityRefs });
}

const search = (server: Awaited<ReturnType<typeof startBackend>>, q: string) =>
  request(server)
    .get('/api/aws-access/accounts')
    .query({ query: q })
    .set('Authorization', mockCredentials.user.header());

describe('account lookup', () => {
  it('finds an account by id and by an ARN naming it', async () => {
    const server = await startBackend();
    for (const q of ['222222222222', 'arn:aws:iam::222222222222:role/Deploy']) {
      const res = await search(server, q).expect(200);
      expect(res.body).toEqual({
        query: q,
        offset: 0,
        limit: 20,
        totalCount: 1,
        items: [
          {
            organization: 'default',
            id: '222222222222',
            name: 'platform-prod',
            environment: 'prod',
            roles: ['PowerUser', 'ReadOnly'],
            matchedBy: 'id',
          },
        ],
      });
    }
  });

  it('finds accounts by part of their name and by permission set', async () => {
    const server = await startBackend();
    const byName = await search(server, 'FORM').expect(200);
    expect(byName.body.items.map((h: { name: string }) => h.name)).toEqual([
      'platform-dev',
      'platform-prod',
    ]);
    const byRole = await search(server, 'poweruser').expect(200);
    expect(
      byRole.body.items.map((h: { id: string; matchedBy: string }) => [
        h.id,
        h.matchedBy,
      ]),
    ).toEqual([
      ['111111111111', 'permissionSet'],
      ['222222222222', 'permissionSet'],
    ]);
  });

  it('pages through the hits', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/aws-access/accounts?query=readonly&offset=1&limit=1')
      .expect(200);
    expect(res.body.totalCount).toBe(3);
    expect(res.body.items.map((h: { name: string }) => h.name)).toEqual([
      'platform-dev',
    ]);
  });

  it.each([
    ['', "Query parameter 'query' is required"],
    ['?query=%20', "Query parameter 'query' must not be empty"],
    ['?query=x&limit=0', "Query parameter 'limit'"],
    ['?query=x&limit=101', "Query parameter 'limit'"],
    ['?query=x&offset=-1', "Query parameter 'offset'"],
    ['?query=x&offset=abc', "Query parameter 'offset'"],
    [`?query=${'a'.repeat(401)}`, "Query parameter 'query'"],
  ])('answers 400 for %j', async (query, message) => {
    const server = await startBackend();
    const res = await request(server)
      .get(`/api/aws-access/accounts${query}`)
      .expect(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toContain(message);
  });

  it("shows an account's roles, the teams behind the groups and the caller's own roles", async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/aws-access/accounts/333333333333')
      .expect(200);
    expect(res.body).toEqual({
      account: {
        organization: 'default',
        id: '333333333333',
        name: 'data-dev',
        region: 'eu-west-1',
        roles: [
          {
            name: 'ReadOnly',
            description: 'Look only',
            sessionDuration: 'PT1H',
            grantedVia: ['data'],
          },
        ],
      },
      teams: { default: { data: 'group:default/data' } },
      myRoles: ['ReadOnly'],
      settings: expect.objectContaining({
        organizations: [
          expect.objectContaining({
            id: 'default',
            sso: expect.objectContaining({ sessionName: 'sikt' }),
          }),
        ],
      }),
    });
  });

  it('says whom to ask in an account where the caller holds no role', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/aws-access/accounts/111111111111')
      .expect(200);
    expect(res.body.myRoles).toEqual([]);
    expect(res.body.teams).toEqual({
      default: { 'Platform Team': 'group:default/platform' },
    });
    expect(
      res.body.account.roles.map((r: { grantedVia: string[] }) => r.grantedVia),
    ).toEqual([['Platform Team'], ['Platform Team']]);
  });

  it("finds a caller's own roles through the catalog's memberships when their token names no groups", async () => {
    // Ada is a member of platform and data in the catalog.
    const server = await startBackend(AuthorizeResult.ALLOW, [
      'user:default/ada',
    ]);
    const res = await request(server)
      .get('/api/aws-access/accounts/333333333333')
      .expect(200);
    expect(res.body.myRoles).toEqual(['ReadOnly']);
  });

  it('leaves out own roles for a service caller', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/aws-access/accounts/111111111111')
      .set('Authorization', mockCredentials.service.header())
      .expect(200);
    expect(res.body).not.toHaveProperty('myRoles');
    expect(res.body.account.id).toBe('111111111111');
  });

  it('answers 404 for an unknown account and 400 for a malformed id', async () => {
    const server = await startBackend();
    const missing = await request(server)
      .get('/api/aws-access/accounts/999999999999')
      .expect(404);
    expect(missing.body.error.message).toBe(
      "No AWS account '999999999999' in IAM Identity Center",
    );
    for (const id of ['12345', '1234567890123', 'abc"<x>', '%F0%9F%98%80']) {
      const res = await request(server)
        .get(`/api/aws-access/accounts/${id}`)
        .expect(400);
      expect(res.body.error.name).toBe('InputError');
    }
  });

  it('pages through every account with its roles and teams for the search index, to a service too', async () => {
    const server = await startBackend();
    const first = await request(server)
      .get('/api/aws-access/account-index?limit=2')
      .set('Authorization', mockCredentials.service.header())
      .expect(200);
    expect(first.body).toEqual({
      offset: 0,
      limit: 2,
      totalCount: 3,
      items: [
        {
          organization: 'default',
          organizationTitle: 'sikt',
          id: '333333333333',
          name: 'data-dev',
          roles: ['ReadOnly'],
          teams: ['group:default/data'],
        },
        {
          organization: 'default',
          organizationTitle: 'sikt',
          id: '111111111111',
          name: 'platform-dev',
          environment: 'dev',
          roles: ['PowerUser', 'ReadOnly'],
          teams: ['group:default/platform'],
        },
      ],
    });
    const rest = await request(server)
      .get('/api/aws-access/account-index?offset=2&limit=2')
      .expect(200);
    expect(rest.body.items.map((a: { id: string }) => a.id)).toEqual([
      '222222222222',
    ]);
    const bad = await request(server)
      .get('/api/aws-access/account-index?limit=1000')
      .expect(400);
    expect(bad.body.error.message).toContain("Query parameter 'limit'");
  });

  it('needs a caller and the read permission', async () => {
    const server = await startBackend();
    const paths = [
      '/accounts?query=data',
      '/accounts/333333333333',
      '/account-index',
    ];
    for (const path of paths) {
      await request(server)
        .get(`/api/aws-access${path}`)
        .set('Authorization', mockCredentials.none.header())
        .expect(401);
    }
    const denied = await startBackend(AuthorizeResult.DENY);
    for (const path of paths) {
      const res = await request(denied)
        .get(`/api/aws-access${path}`)
        .expect(403);
      expect(res.body).not.toHaveProperty('items');
      expect(res.body).not.toHaveProperty('account');
    }
  });
});
