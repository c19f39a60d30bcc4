import { DatabaseService } from '@backstage/backend-plugin-api';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { SnapshotStore } from './SnapshotStore';
import { AccessSnapshot } from './types';

// scripts/test.sh starts Debian's PostgreSQL and names it in the variable TestDatabases
// reads for its major version; every supported database is tested, SQLite always.
const POSTGRES_IDS: TestDatabaseId[] = [
  'POSTGRES_18',
  'POSTGRES_17',
  'POSTGRES_16',
  'POSTGRES_15',
  'POSTGRES_14',
  'POSTGRES_13',
];
const postgresIds = POSTGRES_IDS.filter(
  id =>
    process.env[
      `BACKSTAGE_TEST_DATABASE_${id.replace('_', '')}_CONNECTION_STRING`
    ],
);
const databases = TestDatabases.create({
  ids: [...postgresIds, 'SQLITE_3'],
  disableDocker: true,
});

jest.setTimeout(60_000);

const databaseService = (knex: Knex): DatabaseService => ({
  getClient: async () => knex,
  migrations: { skip: false },
});

function snapshotWith(accounts: number, tag = 'a'): AccessSnapshot {
  return {
    accounts: Array.from({ length: accounts }, (_, i) => ({
      id: String(100000000000 + i),
      name: `${tag}-${i}`,
    })),
    permissionSets: [{ name: 'ReadOnly' }],
    groups: [{ id: 'g-1', displayName: 'one', externalIds: [] }],
    users: [],
    assignments: Array.from({ length: accounts }, (_, i) => ({
      accountId: String(100000000000 + i),
      permissionSetName: 'ReadOnly',
      principalType: 'GROUP' as const,
      principalId: 'g-1',
    })),
  };
}

const details = { calls: { ListAccounts: 1 }, warnings: [] };

describe('SnapshotStore', () => {
  it('is tested on PostgreSQL as well as SQLite', () => {
    expect(postgresIds).not.toEqual([]);
  });

  describe.each(databases.eachSupportedId())('on %s', databaseId => {
    async function stores(count: number, pointerTtlMs = 0) {
      const knex = await databases.init(databaseId);
      const created: SnapshotStore[] = [];
      // Each store runs the migrations, as every instance of a cluster does at startup.
      for (let i = 0; i < count; i++) {
        created.push(
          await SnapshotStore.create(databaseService(knex), { pointerTtlMs }),
        );
      }
      return { knex, stores: created };
    }

    it('migrates an empty database and has nothing to serve yet', async () => {
      const {
        knex,
        stores: [store],
      } = await stores(1);
      expect(await knex.schema.hasTable('aws_access_snapshots')).toBe(true);
      expect(await knex.schema.hasTable('aws_access_sync_state')).toBe(true);
      expect(await store.getSnapshot()).toBeUndefined();
      expect(await store.getStatus()).toEqual({});
    });

    it('serves the last stored snapshot and keeps only it', async () => {
      const {
        knex,
        stores: [store],
      } = await stores(1);
      const at = new Date('2026-11-26T10:00:00.000Z');
      await store.replaceSnapshot(snapshotWith(2, 'old'), details, at);
      await store.replaceSnapshot(snapshotWith(3, 'new'), details, at);
      expect(await store.getSnapshot()).toEqual(snapshotWith(3, 'new'));
      const [{ n }] = await knex('aws_access_snapshots').count({ n: '*' });
      expect(Number(n)).toBe(1);
      expect(await store.getStatus()).toEqual({
        lastAttemptAt: undefined,
        lastSuccessAt: at.toISOString(),
        counts: { accounts: 3, permissionSets: 1, groups: 1, assignments: 3 },
        details,
      });
    });

    it('records a failure without touching the served snapshot', async () => {
      const {
        stores: [store],
      } = await stores(1);
      const at = new Date('2026-11-26T10:00:00.000Z');
      await store.replaceSnapshot(snapshotWith(2), details, at);
      await store.recordAttempt(new Date('2026-11-26T10:30:00.000Z'));
      await store.recordFailure('ThrottlingException: Rate exceeded', {
        calls: { ListAccounts: 3 },
        warnings: [],
      });
      expect(await store.getSnapshot()).toEqual(snapshotWith(2));
      expect(await store.getStatus()).toMatchObject({
        lastAttemptAt: '2026-11-26T10:30:00.000Z',
        lastSuccessAt: at.toISOString(),
        lastError: 'ThrottlingException: Rate exceeded',
        counts: { accounts: 2 },
      });
    });

    it('stays whole under concurrent writers, and every instance reads the last write', async () => {
      const { knex, stores: instances } = await stores(3);
      const writes = Array.from({ length: 12 }, (_, i) =>
        instances[i % instances.length].replaceSnapshot(
          snapshotWith(5 + i, `w${i}`),
          details,
          new Date(),
        ),
      );
      await Promise.all(writes);
      const served = await Promise.all(instances.map(s => s.getSnapshot()));
      // Every instance serves the same complete snapshot, one of those written.
      expect(new Set(served.map(s => JSON.stringify(s))).size).toBe(1);
      const [snapshot] = served;
      const tag = snapshot!.accounts[0].name.split('-')[0];
      const i = Number(tag.slice(1));
      expect(snapshot).toEqual(snapshotWith(5 + i, tag));
      const rows = await knex('aws_access_snapshots').select('id');
      expect(rows).toHaveLength(1);
      const [state] = await knex('aws_access_sync_state').select('snapshot_id');
      expect(state.snapshot_id).toBe(rows[0].id);
    });

    it('sees another instance’s write once its pointer check expires', async () => {
      const knex = await databases.init(databaseId);
      const writer = await SnapshotStore.create(databaseService(knex));
      const reader = await SnapshotStore.create(databaseService(knex), {
        pointerTtlMs: 60_000,
      });
      await writer.replaceSnapshot(
        snapshotWith(1, 'first'),
        details,
        new Date(),
      );
      expect(await reader.getSnapshot()).toEqual(snapshotWith(1, 'first'));
      await writer.replaceSnapshot(
        snapshotWith(2, 'second'),
        details,
        new Date(),
      );
      // Within its time to live the reader trusts what it has: one query saved per request.
      expect(await reader.getSnapshot()).toEqual(snapshotWith(1, 'first'));
      const fresh = await SnapshotStore.create(databaseService(knex), {
        pointerTtlMs: 0,
      });
      expect(await fresh.getSnapshot()).toEqual(snapshotWith(2, 'second'));
    });
  });
});
