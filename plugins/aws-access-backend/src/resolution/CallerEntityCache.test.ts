import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CallerEntityCache } from './CallerEntityCache';

const secret: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'secret', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

describe('CallerEntityCache', () => {
  it("never serves one caller's answer to another", async () => {
    const catalog = catalogServiceMock.mock({
      getEntityByRef: jest.fn(async (_ref, options) => {
        const principal =
          options && 'credentials' in options
            ? (options.credentials.principal as { userEntityRef?: string })
            : {};
        return principal.userEntityRef === 'user:default/insider'
          ? secret
          : undefined;
      }),
    });
    const cache = new CallerEntityCache(catalog);
    const insider = mockCredentials.user('user:default/insider');
    const outsider = mockCredentials.user('user:default/outsider');

    await expect(
      cache.getEntityByRef('group:default/secret', insider),
    ).resolves.toBe(secret);
    await expect(
      cache.getEntityByRef('group:default/secret', outsider),
    ).resolves.toBeUndefined();
    await expect(
      cache.getEntityByRef('group:default/secret', insider),
    ).resolves.toBe(secret);
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(2);
  });

  it('asks the catalog again after the time to live', async () => {
    const catalog = catalogServiceMock.mock({
      getEntityByRef: jest.fn(async () => secret),
    });
    const cache = new CallerEntityCache(catalog, { ttlMs: 0, maxEntries: 10 });
    const user = mockCredentials.user();
    await cache.getEntityByRef('group:default/secret', user);
    await cache.getEntityByRef('group:default/secret', user);
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(2);
  });

  it('remembers "not found" and "no groups" only briefly: the catalog may still be reading the organisation', async () => {
    let now = 1_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    let ingested = false;
    const catalog = catalogServiceMock.mock({
      getEntityByRef: jest.fn(async () => (ingested ? secret : undefined)),
      getEntities: jest.fn(async () => ({ items: ingested ? [secret] : [] })),
    });
    const cache = new CallerEntityCache(catalog);
    const user = mockCredentials.user();
    await expect(cache.getGroups(user)).resolves.toEqual([]);
    await expect(
      cache.getEntityByRef('group:default/secret', user),
    ).resolves.toBeUndefined();
    await cache.getGroups(user);
    await cache.getEntityByRef('group:default/secret', user);
    expect(catalog.getEntities).toHaveBeenCalledTimes(1);
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(1);
    ingested = true;
    now += 2_000;
    await expect(cache.getGroups(user)).resolves.toEqual([secret]);
    await expect(
      cache.getEntityByRef('group:default/secret', user),
    ).resolves.toBe(secret);
    await cache.getGroups(user);
    await cache.getEntityByRef('group:default/secret', user);
    now += 20_000;
    await cache.getGroups(user);
    await cache.getEntityByRef('group:default/secret', user);
    expect(catalog.getEntities).toHaveBeenCalledTimes(2);
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(2);
    jest.restoreAllMocks();
  });
});
