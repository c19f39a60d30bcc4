import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { startAwsAccessBackend } from './__testUtils__/startAwsAccessBackend';
import {
  exampleAwsAccessConfig,
  exampleEntities,
} from './__testUtils__/exampleOrg';

/** The example portal, signed in as `ownershipEntityRefs` when given. */
function startBackend(
  awsAccess: object = exampleAwsAccessConfig,
  permissionResult:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
  ownershipEntityRefs?: string[],
) {
  return startAwsAccessBackend({
    config: {
      app: { title: 'Example Portal', baseUrl: 'https://portal.example' },
      awsAccess,
    },
    permissionResult,
    ownershipEntityRefs,
  });
}

describe('aws-access backend', () => {
  it('answers health without credentials', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/aws-access/health')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('rejects entity routes without credentials', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/aws-access/entities/group/default/platform/accounts')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });

  it("returns a group's accounts with roles and the CLI settings", async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/aws-access/entities/group/default/platform/accounts')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body.entityRef).toBe('group:default/platform');
    expect(res.body.settings).toEqual({
      organizations: [
        {
          id: 'default',
          title: 'sikt',
          sso: {
            sessionName: 'sikt',
            startUrl: 'https://d-c3670fd13e.awsapps.com/start',
            ssoRegion: 'eu-north-1',
            registrationScopes: 'sso:account:access',
          },
          profiles: {
            defaultRegion: 'eu-north-1',
            regions: ['eu-north-1', 'eu-west-1'],
            output: 'json',
            profileNameTemplate: '{accountName}-{roleName}',
          },
        },
      ],
    });
    expect(res.body.accounts).toEqual([
      {
        organization: 'default',
        id: '111111111111',
        name: 'platform-dev',
        environment: 'dev',
        roles: [
          {
            name: 'PowerUser',
            description: 'Build and run',
            sessionDuration: 'PT8H',
            grantedVia: ['Platform Team'],
          },
          {
            name: 'ReadOnly',
            description: 'Look only',
            sessionDuration: 'PT1H',
            grantedVia: ['Platform Team'],
          },
        ],
      },
      expect.objectContaining({
        organization: 'default',
        id: '222222222222',
        name: 'platform-prod',
      }),
    ]);
  });

  it('matches a group by name when it has no annotation', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/aws-access/entities/group/default/data/accounts')
      .expect(200);
    expect(res.body.accounts).toEqual([
      {
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
    ]);
  });

  it('returns an empty list for a group with no Identity Center match', async () => {
    const server = await startBackend();
    await request(server)
      .get('/api/aws-access/entities/group/default/unmatched/accounts')
      .expect(200)
      .expect(res => expect(res.body.accounts).toEqual([]));
  });

  it("gives a user the accounts of every group they're in", async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/aws-access/entities/user/default/ada/accounts')
      .expect(200);
    expect(res.body.accounts.map((a: { name: string }) => a.name)).toEqual([
      'data-dev',
      'platform-dev',
      'platform-prod',
    ]);
  });

  it("gives a component its owner's accounts, narrowed by annotation", async () => {
    const server = await startBackend();
    const all = await request(server)
      .get('/api/aws-access/entities/component/default/billing/accounts')
      .expect(200);
    expect(all.body.accounts.map((a: { id: string }) => a.id)).toEqual([
      '111111111111',
      '222222222222',
    ]);
    const narrowed = await request(server)
      .get(
        '/api/aws-access/entities/component/default/billing-prod-only/accounts',
      )
      .expect(200);
    expect(narrowed.body.accounts.map((a: { id: string }) => a.id)).toEqual([
      '222222222222',
    ]);
  });

  it.each([
    [
      '/entities/location/default/x/accounts',
      "Kind 'location' is not supported",
    ],
    [
      '/entities/group/default/bad%20name/accounts',
      "Malformed entity name 'bad name'",
    ],
    ['/entities/group/-bad-/x/accounts', "Malformed namespace '-bad-'"],
  ])('answers 400 for %s', async (path, message) => {
    const server = await startBackend();
    const res = await request(server).get(`/api/aws-access${path}`);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toContain(message);
  });

  it('answers 404 for an entity the catalog does not have', async () => {
    const server = await startBackend();
    const res = await request(server).get(
      '/api/aws-access/entities/group/default/nobody/accounts',
    );
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe(
      "No entity 'group:default/nobody' in the catalog",
    );
  });

  it('refuses to start on a wrong config value, naming the key', async () => {
    await expect(
      startBackend({
        ...exampleAwsAccessConfig,
        sso: { ...exampleAwsAccessConfig.sso, startUrl: 'http://plain' },
      }),
    ).rejects.toThrow("Invalid configuration at 'awsAccess.sso.startUrl'");
  });

  describe('downloads', () => {
    it("returns a group's ~/.aws/config as text, the session once", async () => {
      const server = await startBackend();
      const res = await request(server)
        .get('/api/aws-access/entities/group/default/data/aws-config')
        .expect(200);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(res.text).toBe(
        [
          '[sso-session sikt]',
          'sso_start_url = https://d-c3670fd13e.awsapps.com/start',
          'sso_region = eu-north-1',
          'sso_registration_scopes = sso:account:access',
          '',
          '[profile data-dev-ReadOnly]',
          'sso_session = sikt',
          'sso_account_id = 333333333333',
          'sso_role_name = ReadOnly',
          'region = eu-west-1',
          'output = json',
          '',
        ].join('\n'),
      );
      expect(res.text).not.toMatch(/credential_process|secret/i);
    });

    it("applies the reader's region and the legacy variant", async () => {
      const server = await startBackend();
      const res = await request(server)
        .get('/api/aws-access/entities/group/default/platform/aws-config')
        .query({ region: 'eu-west-1', variant: 'legacy' })
        .expect(200);
      expect(res.text).not.toContain('[sso-session');
      expect(res.text).toContain(
        '[profile platform-dev-PowerUser]\nsso_start_url = https://d-c3670fd13e.awsapps.com/start\nsso_region = eu-north-1\nsso_account_id = 111111111111\nsso_role_name = PowerUser\nregion = eu-west-1\noutput = json',
      );
    });

    it.each([
      [
        { region: 'us-east-1' },
        "Query parameter 'region' must be one of eu-north-1, eu-west-1",
      ],
      [
        { variant: 'v1' },
        "Query parameter 'variant' must be 'sso-session' or 'legacy'",
      ],
    ])('answers 400 for %j', async (query, message) => {
      const server = await startBackend();
      const res = await request(server)
        .get('/api/aws-access/entities/group/default/platform/aws-config')
        .query(query);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe(message);
    });

    it("gives the signed-in user the access of their sign-in's ownership references under /me", async () => {
      const server = await startBackend(
        exampleAwsAccessConfig,
        AuthorizeResult.ALLOW,
        ['user:default/ada', 'group:default/platform', 'group:default/data'],
      );
      const header = mockCredentials.user.header('user:default/ada');
      const config = await request(server)
        .get('/api/aws-access/me/aws-config')
        .set('Authorization', header)
        .expect(200);
      expect(config.text.match(/^\[profile /gm)).toHaveLength(5);
      const accounts = await request(server)
        .get('/api/aws-access/me/accounts')
        .set('Authorization', header)
        .expect(200);
      expect(accounts.body.entityRef).toBe('user:default/ada');
      expect(
        accounts.body.accounts.map((a: { name: string }) => a.name),
      ).toEqual(['data-dev', 'platform-dev', 'platform-prod']);
    });

    it('adds the teams the catalog lists a user in when their sign-in names none, as the account page does', async () => {
      // Ada is a member of platform and data in the catalog; her token names only herself.
      const server = await startBackend(
        exampleAwsAccessConfig,
        AuthorizeResult.ALLOW,
        ['user:default/ada'],
      );
      const accounts = await request(server)
        .get('/api/aws-access/me/accounts')
        .set('Authorization', mockCredentials.user.header('user:default/ada'))
        .expect(200);
      expect(
        accounts.body.accounts.map((a: { name: string }) => a.name),
      ).toEqual(['data-dev', 'platform-dev', 'platform-prod']);
      const account = await request(server)
        .get('/api/aws-access/accounts/333333333333')
        .set('Authorization', mockCredentials.user.header('user:default/ada'))
        .expect(200);
      expect(account.body.myRoles).toEqual(['ReadOnly']);
    });

    it('gives a signed-in user without teams an empty config, not an error', async () => {
      const server = await startBackend();
      const res = await request(server)
        .get('/api/aws-access/me/aws-config')
        .set(
          'Authorization',
          mockCredentials.user.header('user:default/stranger'),
        )
        .expect(200);
      // Nothing to sign in to: no profile, so no session either.
      expect(res.text).toBe('');
    });

    it('rejects /me for service callers and anonymous callers', async () => {
      const server = await startBackend();
      const service = await request(server)
        .get('/api/aws-access/me/aws-config')
        .set('Authorization', mockCredentials.service.header());
      expect(service.status).toBe(403);
      const none = await request(server)
        .get('/api/aws-access/me/verify-script')
        .set('Authorization', mockCredentials.none.header());
      expect(none.status).toBe(401);
    });

    it('returns a verify script that expects exactly the profiles of the config', async () => {
      const server = await startBackend();
      const res = await request(server)
        .get('/api/aws-access/entities/group/default/platform/verify-script')
        .expect(200);
      expect(res.headers['content-type']).toBe(
        'text/x-shellscript; charset=utf-8',
      );
      expect(res.text.startsWith('#!/bin/sh\n')).toBe(true);
      expect(res.text).toContain(
        "EXPECTED_NAMES='platform-dev-PowerUser platform-dev-ReadOnly platform-prod-PowerUser platform-prod-ReadOnly'",
      );
    });
  });

  describe('setup script', () => {
    /** The managed block the script writes: the text of its here-document. */
    const blockOf = (script: string) =>
      script.slice(
        script.indexOf("<<'AWS_ACCESS_MANAGED_BLOCK'\n") + 29,
        script.indexOf('\nAWS_ACCESS_MANAGED_BLOCK\n'),
      );

    it("returns a shell script that writes the group's profiles in one managed block", async () => {
      const server = await startBackend();
      const res = await request(server)
        .get('/api/aws-access/entities/group/default/platform/setup-script')
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(
        'text/x-shellscript; charset=utf-8',
      );
      expect(res.text.startsWith('#!/bin/sh\n')).toBe(true);
      const block = blockOf(res.text);
      expect(block.split('\n')[0]).toBe(
        '# >>> AWS Access sso-session sikt >>> Example Portal (https://portal.example)',
      );
      expect(block).toContain(
        '# The AWS profiles of group:default/platform in sikt,',
      );
      expect(block.match(/^\[profile /gm)).toHaveLength(4);
      expect(block).toContain(
        '[profile platform-dev-PowerUser]\nsso_session = sikt\nsso_account_id = 111111111111\nsso_role_name = PowerUser\nregion = eu-north-1\noutput = json',
      );
      expect(block.endsWith('\n# <<< AWS Access sso-session sikt <<<')).toBe(
        true,
      );
      expect(res.text).toContain('REMOTE=0\n');
      expect(res.text).not.toMatch(/credential_process/);
    });

    it('applies region, legacy variant and remote sign-in', async () => {
      const server = await startBackend();
      const res = await request(server)
        .get('/api/aws-access/entities/group/default/platform/setup-script')
        .query({ region: 'eu-west-1', variant: 'legacy', remote: 'true' })
        .expect(200);
      const block = blockOf(res.text);
      expect(block).not.toContain('[sso-session');
      expect(block).toContain(
        '[profile platform-dev-PowerUser]\nsso_start_url = https://d-c3670fd13e.awsapps.com/start\nsso_region = eu-north-1\nsso_account_id = 111111111111\nsso_role_name = PowerUser\nregion = eu-west-1',
      );
      expect(res.text).toContain('REMOTE=1\n');
      expect(res.text).toContain('VARIANT=legacy\n');
    });

    it('gives the signed-in user their own profiles under /me', async () => {
      const server = await startBackend(
        exampleAwsAccessConfig,
        AuthorizeResult.ALLOW,
        ['user:default/ada', 'group:default/platform', 'group:default/data'],
      );
      const res = await request(server)
        .get('/api/aws-access/me/setup-script')
        .set('Authorization', mockCredentials.user.header('user:default/ada'))
        .expect(200);
      const block = blockOf(res.text);
      expect(block).toContain(
        '# The AWS profiles of user:default/ada in sikt,',
      );
      expect(block.match(/^\[profile /gm)).toHaveLength(5);
    });

    it('asks for a caller: 401 without credentials, 403 for a service on /me', async () => {
      const server = await startBackend();
      for (const path of [
        '/entities/group/default/platform/setup-script',
        '/me/setup-script',
      ]) {
        const res = await request(server)
          .get(`/api/aws-access${path}`)
          .set('Authorization', mockCredentials.none.header());
        expect({ path, status: res.status }).toEqual({ path, status: 401 });
      }
      const service = await request(server)
        .get('/api/aws-access/me/setup-script')
        .set('Authorization', mockCredentials.service.header());
      expect(service.status).toBe(403);
    });

    it.each([
      [
        '/entities/group/default/platform/setup-script?remote=yes',
        "Query parameter 'remote' must be 'true' or 'false'",
      ],
      [
        '/me/setup-script?region=mars-1',
        "Query parameter 'region' must be one of eu-north-1, eu-west-1",
      ],
      [
        '/entities/group/default/platform/setup-script?variant=old',
        "Query parameter 'variant' must be 'sso-session' or 'legacy'",
      ],
      [
        '/entities/location/default/x/setup-script',
        "Kind 'location' is not supported",
      ],
      [
        '/entities/group/default/platform/verify-script?remote=1',
        "Query parameter 'remote' must be 'true' or 'false'",
      ],
    ])('answers 400 for %s', async (path, message) => {
      const server = await startBackend();
      const res = await request(server)
        .get(`/api/aws-access${path}`)
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toContain(message);
    });

    it('answers 404 for an entity the catalog does not have', async () => {
      const server = await startBackend();
      const res = await request(server).get(
        '/api/aws-access/entities/group/default/nobody/setup-script',
      );
      expect(res.status).toBe(404);
    });

    it('passes remote sign-in to the verify script too', async () => {
      const server = await startBackend();
      const res = await request(server)
        .get('/api/aws-access/entities/group/default/platform/verify-script')
        .query({ remote: 'true' })
        .expect(200);
      expect(res.text).toContain('REMOTE=1\n');
      expect(res.text).toContain(
        "DEVICE_CODE_LOGIN_COMMAND='aws sso login --sso-session sikt --use-device-code'",
      );
    });
  });

  describe('permissions', () => {
    it.each([
      '/entities/group/default/platform/accounts',
      '/entities/group/default/platform/aws-config',
      '/entities/group/default/platform/verify-script',
      '/entities/group/default/platform/setup-script',
      '/me/setup-script',
      '/me/accounts',
      '/status',
    ])(
      'answers 403 naming the permission when the policy denies %s',
      async path => {
        const server = await startBackend(
          exampleAwsAccessConfig,
          AuthorizeResult.DENY,
        );
        const res = await request(server)
          .get(`/api/aws-access${path}`)
          .set(
            'Authorization',
            mockCredentials.user.header('user:default/ada'),
          );
        expect(res.status).toBe(403);
        expect(res.body.error.message).toBe(
          "You are not allowed to see AWS access (permission 'aws-access.read')",
        );
      },
    );

    it('registers its permissions with the permission framework', async () => {
      const server = await startBackend();
      const res = await request(server)
        .get('/api/aws-access/.well-known/backstage/permissions/metadata')
        .set('Authorization', mockCredentials.service.header());
      expect(res.status).toBe(200);
      expect(res.body.permissions).toEqual(
        expect.arrayContaining([
          {
            type: 'basic',
            name: 'aws-access.read',
            attributes: { action: 'read' },
          },
          {
            type: 'resource',
            name: 'aws-access.grant.approve',
            attributes: { action: 'update' },
            resourceType: 'aws-access-grant',
          },
          {
            type: 'basic',
            name: 'aws-access.grant.audit',
            attributes: { action: 'read' },
          },
        ]),
      );
      expect(res.body.permissions).toHaveLength(3);
    });

    it('still answers health when the policy denies', async () => {
      const server = await startBackend(
        exampleAwsAccessConfig,
        AuthorizeResult.DENY,
      );
      const res = await request(server).get('/api/aws-access/health');
      expect(res.status).toBe(200);
    });
  });

  it('shows a caller only entities the catalog lets them read', async () => {
    const server = await startAwsAccessBackend({
      catalog: catalogServiceMock.mock({
        getEntities: async () => ({ items: [] }),
        // Stands in for a catalog permission policy that hides the group from outsiders.
        getEntityByRef: async (_ref, options) => {
          const principal =
            options && 'credentials' in options
              ? (options.credentials.principal as { userEntityRef?: string })
              : {};
          return principal.userEntityRef === 'user:default/outsider'
            ? undefined
            : exampleEntities[0];
        },
      }).factory,
    });
    const path = '/api/aws-access/entities/group/default/platform/accounts';
    await request(server)
      .get(path)
      .set('Authorization', mockCredentials.user.header('user:default/insider'))
      .expect(200);
    const hidden = await request(server)
      .get(path)
      .set(
        'Authorization',
        mockCredentials.user.header('user:default/outsider'),
      );
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.message).toBe(
      "No entity 'group:default/platform' in the catalog",
    );
  });
});

describe('aws-access backend while the catalog is down', () => {
  it('answers 503 naming the catalog, never 500', async () => {
    const down = async () => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:7007');
    };
    const server = await startAwsAccessBackend({
      catalog: catalogServiceMock.mock({
        getEntityByRef: down,
        getEntities: down,
        getEntitiesByRefs: down,
        queryEntities: down,
      }).factory,
    });
    for (const path of [
      '/me/accounts',
      '/me/aws-config',
      '/entities/group/default/platform/accounts',
      '/accounts/111111111111',
    ]) {
      const res = await request(server)
        .get(`/api/aws-access${path}`)
        .set('Authorization', mockCredentials.user.header('user:default/ada'));
      expect({ path, status: res.status }).toEqual({ path, status: 503 });
      expect(res.body.error.message).toBe(
        'The catalog cannot be read right now: connect ECONNREFUSED 127.0.0.1:7007',
      );
    }
    // What needs no catalog still answers.
    await request(server)
      .get('/api/aws-access/accounts?query=platform')
      .expect(200);
  });
});
