import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { ConfigReader } from '@backstage/config';
import { startAwsAccessBackend } from '../__testUtils__/startAwsAccessBackend';
import { Organizations } from '../organizations/Organizations';
import { readAwsAccessConfig } from '../readAwsAccessConfig';
import { StaticSnapshotSource } from '../staticOrganization/StaticSnapshotSource';
import { EntityAccessResolver } from './EntityAccessResolver';

const awsAccess = {
  sso: {
    sessionName: 'sikt',
    startUrl: 'https://d-c3670fd13e.awsapps.com/start',
    region: 'eu-north-1',
  },
  static: {
    accounts: [
      { id: '111111111111', name: 'shop-dev' },
      { id: '222222222222', name: 'shop-prod' },
      { id: '333333333333', name: 'search-dev' },
      { id: '444444444444', name: 'entra-account' },
    ],
    permissionSets: [{ name: 'Dev' }, { name: 'ReadOnly' }],
    groups: [
      { id: 'g-shop', displayName: 'shop' },
      { id: 'g-search', displayName: 'search' },
      {
        id: 'g-entra',
        displayName: 'Synced From Entra',
        externalIds: ['entra-42'],
      },
    ],
    assignments: [
      { group: 'g-shop', accounts: ['shop-dev'], permissionSets: ['Dev'] },
      {
        group: 'g-shop',
        accounts: ['shop-prod'],
        permissionSets: ['ReadOnly'],
      },
      {
        group: 'g-search',
        accounts: ['search-dev', 'shop-prod'],
        permissionSets: ['Dev'],
      },
      {
        group: 'g-entra',
        accounts: ['entra-account'],
        permissionSets: ['ReadOnly'],
      },
      {
        user: 'user:default/ada',
        accounts: ['search-dev'],
        permissionSets: ['ReadOnly'],
      },
    ],
  },
};

const group = (
  name: string,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'team', children: [] },
});

const owned = (
  kind: string,
  name: string,
  owner: string,
  extra: Partial<Entity['metadata']> = {},
  relations: Entity['relations'] = [],
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default', ...extra },
  spec: { owner },
  relations: [
    { type: 'ownedBy', targetRef: `group:default/${owner}` },
    ...relations,
  ],
});

const accountResource = (
  name: string,
  type: string,
  annotations: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name, namespace: 'default', annotations },
  spec: { type, owner: 'shop' },
});

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'ada', namespace: 'default' },
    spec: { memberOf: ['shop'] },
    relations: [{ type: 'memberOf', targetRef: 'group:default/shop' }],
  },
  accountResource('shop-prod-account', 'aws-account', {
    'amazonaws.com/account-id': '222222222222',
  }),
  accountResource('roadie-account', 'anything', {
    'amazon.com/account-id': '444444444444',
  }),
  accountResource('broken-account', 'aws-account', {
    'amazonaws.com/account-id': '12345',
  }),
  group('shop'),
  group('search'),
  group('entra-team', { 'graph.microsoft.com/group-id': 'entra-42' }),
  group('conflicted', {
    'aws-access/identity-center-group': 'shop',
    'graph.microsoft.com/group-id': 'entra-42',
  }),
  group('typo', { 'aws-access/identity-center-group': 'shopp' }),
  owned('Component', 'cart', 'shop', {
    annotations: { 'amazonaws.com/account-id': '222222222222, not-an-id' },
  }),
  owned('Component', 'indexer', 'search'),
  owned('Resource', 'bucket', 'shop', {
    annotations: { 'amazonaws.com/account-id': 'oops' },
  }),
  owned('System', 'storefront', 'shop', {}, [
    { type: 'hasPart', targetRef: 'component:default/indexer' },
  ]),
];

async function start(extraConfig: object = {}) {
  const server = await startAwsAccessBackend({
    config: { awsAccess: { ...awsAccess, ...extraConfig } },
    catalog: entities,
  });
  return async (path: string) =>
    (
      await request(server)
        .get(`/api/aws-access/entities/${path}/accounts`)
        .expect(200)
    ).body;
}

const ids = (body: { accounts: Array<{ id: string }> }) =>
  body.accounts.map(a => a.id);

describe('resolution rules through the API', () => {
  it('matches a Group by its Entra ID object id', async () => {
    const get = await start();
    expect(ids(await get('group/default/entra-team'))).toEqual([
      '444444444444',
    ]);
  });

  it('prefers the explicit annotation and warns when the Entra ID points elsewhere', async () => {
    const get = await start();
    const body = await get('group/default/conflicted');
    expect(ids(body)).toEqual(['111111111111', '222222222222']);
    expect(body.warnings).toEqual([
      "Annotations 'aws-access/identity-center-group' and 'graph.microsoft.com/group-id' on 'group:default/conflicted' point at different groups ('shop' and 'Synced From Entra'); using 'shop'",
    ]);
  });

  it('warns about an annotation that names no group, and matches nothing', async () => {
    const get = await start();
    const body = await get('group/default/typo');
    expect(body.accounts).toEqual([]);
    expect(body.warnings).toEqual([
      "Annotation 'aws-access/identity-center-group' on 'group:default/typo' names 'shopp', which is not an IAM Identity Center group id or display name",
    ]);
  });

  it("adds a User's direct assignments to their groups' access", async () => {
    const get = await start();
    const body = await get('user/default/ada');
    expect(ids(body)).toEqual(['333333333333', '111111111111', '222222222222']);
    expect(body.accounts[0].roles).toEqual([
      {
        name: 'ReadOnly',
        sessionDuration: 'PT1H',
        grantedVia: ['direct assignment'],
      },
    ]);
  });

  it('can turn name matching off', async () => {
    const get = await start({ groupMatching: { byName: false } });
    expect((await get('group/default/shop')).accounts).toEqual([]);
    expect(ids(await get('group/default/entra-team'))).toEqual([
      '444444444444',
    ]);
  });

  it('narrows by the account-id list and reports the bad entries', async () => {
    const get = await start();
    const body = await get('component/default/cart');
    expect(ids(body)).toEqual(['222222222222']);
    expect(body.warnings).toEqual([
      "Annotation 'amazonaws.com/account-id' on 'component:default/cart' has \"not-an-id\", which is not a 12-digit account id; ignored",
    ]);
  });

  it('ignores an account-id annotation without a valid id, saying so', async () => {
    const get = await start();
    const body = await get('resource/default/bucket');
    expect(ids(body)).toEqual(['111111111111', '222222222222']);
    expect(body.warnings).toHaveLength(2);
    expect(body.warnings[1]).toBe(
      "Annotation 'amazonaws.com/account-id' on 'resource:default/bucket' names no valid account id, so it does not narrow the accounts",
    );
  });

  it('gives a System the union of its own and its parts’ accounts', async () => {
    const get = await start();
    const body = await get('system/default/storefront');
    expect(body.teams).toEqual({
      default: {
        search: 'group:default/search',
        shop: 'group:default/shop',
      },
    });
    expect(ids(body)).toEqual(['333333333333', '111111111111', '222222222222']);
    const prod = body.accounts.find(
      (a: { id: string }) => a.id === '222222222222',
    );
    expect(prod.roles).toEqual([
      { name: 'Dev', sessionDuration: 'PT1H', grantedVia: ['search'] },
      { name: 'ReadOnly', sessionDuration: 'PT1H', grantedVia: ['shop'] },
    ]);
  });

  describe('account Resources', () => {
    async function grants(path: string) {
      const server = await startAwsAccessBackend({
        config: { awsAccess },
        catalog: entities,
      });
      return request(server).get(`/api/aws-access/entities/${path}/grants`);
    }

    it('shows which groups hold which roles in the account', async () => {
      const res = await grants('resource/default/shop-prod-account');
      expect(res.status).toBe(200);
      expect(res.body.account).toEqual({
        organization: 'default',
        id: '222222222222',
        name: 'shop-prod',
      });
      expect(res.body.grants).toEqual([
        {
          groupId: 'g-search',
          group: 'search',
          roles: [{ name: 'Dev', sessionDuration: 'PT1H' }],
        },
        {
          groupId: 'g-shop',
          group: 'shop',
          roles: [{ name: 'ReadOnly', sessionDuration: 'PT1H' }],
        },
      ]);
    });

    it("understands Roadie's annotation", async () => {
      const res = await grants('resource/default/roadie-account');
      expect(res.body.grants.map((g: { group: string }) => g.group)).toEqual([
        'Synced From Entra',
      ]);
    });

    it.each([
      [
        'component/default/cart',
        "'component:default/cart' does not stand for an AWS account",
      ],
      [
        'resource/default/broken-account',
        'names account "12345", which is not a 12-digit AWS account id',
      ],
    ])('answers 400 for %s', async (path, message) => {
      const res = await grants(path);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
    });
  });
});

describe('EntityAccessResolver team hints', () => {
  it('answers without teams when the catalog fails, and logs it once', async () => {
    const logger = mockServices.logger.mock();
    const resolver = new EntityAccessResolver({
      entities: {
        getEntityByRef: async () => undefined,
        getEntitiesByRefs: async () => [],
        getGroups: async () => {
          throw new Error('catalog is down');
        },
      },
      organizations: new Organizations([
        {
          settings: readAwsAccessConfig(new ConfigReader({ awsAccess }))
            .organizations[0].settings,
          source: new StaticSnapshotSource({
            accounts: [],
            permissionSets: [],
            groups: [],
            assignments: [],
          }),
        },
      ]),
      matching: { byName: true },
      logger,
    });
    const accounts = [
      {
        organization: 'default',
        id: '111111111111',
        name: 'dev',
        roles: [{ name: 'Dev', grantedVia: ['shop'] }],
      },
    ];
    const caller = mockCredentials.user();
    await expect(resolver.teamsFor(accounts, caller)).resolves.toEqual({});
    await expect(resolver.teamsFor(accounts, caller)).resolves.toEqual({});
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('Could not find the catalog teams'),
      { error: 'catalog is down' },
    );
  });
});
