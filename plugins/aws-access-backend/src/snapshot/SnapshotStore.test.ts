import { mockServices } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import path from 'node:path';
import { storeTestDatabases } from '../__testUtils__/testDatabases';
import { SnapshotStore } from './SnapshotStore';
import { SyncStatusStore } from './SyncStatusStore';
import { AccessSnapshot } from './types';

const databases = storeTestDatabases();

jest.setTimeout(60_000);

const databaseService = (knex: Knex) =>
  mockServices.database({ knex, migrations: { skip: false } });

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

describe('SnapshotStore', () => {
  describe.each(databases.eachSupportedId())('on %s', databaseId => {
    async function stores(count: number, pointerTtlMs = 0) {
      const knex = await databases.init(databaseId);
      const created: SnapshotStore[] = [];
      // Each store runs the migrations, as every instance of a cluster does at startup.
      for (let i = 0; i < count; i++) {
        created.push(
          await SnapshotStore.create(databaseService(knex), {
            organization: 'default',
            pointerTtlMs,
          }),
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
    });

    it('serves the last stored snapshot and keeps only it', async () => {
      const {
        knex,
        stores: [store],
      } = await stores(1);
      await store.replaceSnapshot(snapshotWith(2, 'old'));
      expect(await store.replaceSnapshot(snapshotWith(3, 'new'))).toEqual(
        snapshotWith(3, 'new'),
      );
      expect(await store.getSnapshot()).toEqual(snapshotWith(3, 'new'));
      const [{ n }] = await knex('aws_access_snapshots').count({ n: '*' });
      expect(Number(n)).toBe(1);
    });

    it('stays whole under concurrent writers, and every instance reads the last write', async () => {
      const { knex, stores: instances } = await stores(3);
      const writes = Array.from({ length: 12 }, (_, i) =>
        instances[i % instances.length].replaceSnapshot(
          snapshotWith(5 + i, `w${i}`),
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

    it('never lets an older full read replace a newer one', async () => {
      const {
        stores: [store],
      } = await stores(1);
      const older = await store.beginRead();
      const newer = await store.beginRead();
      expect(newer).toBeGreaterThan(older);
      expect(
        await store.replaceSnapshot(snapshotWith(2, 'new'), newer),
      ).toBeDefined();
      expect(
        await store.replaceSnapshot(snapshotWith(1, 'old'), older),
      ).toBeUndefined();
      expect(await store.getSnapshot()).toEqual(snapshotWith(2, 'new'));
    });

    it('keeps a part refreshed during a full sync that read it earlier', async () => {
      const {
        stores: [writer, syncer],
      } = await stores(2);
      await writer.replaceSnapshot(snapshotWith(2));
      const fullRead = await syncer.beginRead();
      // An event: group g-2 gained an assignment, read after the full sync began.
      const partRead = await writer.beginRead();
      const granted = {
        accountId: '100000000001',
        permissionSetName: 'Admin',
        principalType: 'GROUP' as const,
        principalId: 'g-2',
      };
      expect(
        await writer.applyParts([
          {
            readSeq: partRead,
            part: {
              kind: 'principal',
              principalType: 'GROUP',
              principalId: 'g-2',
              assignments: [granted],
            },
          },
        ]),
      ).toEqual({ applied: 1, outdated: 0, written: true });
      // The full sync, which read g-2 before the grant, finishes afterwards.
      await syncer.replaceSnapshot(snapshotWith(3, 'full'), fullRead);
      const served = await syncer.getSnapshot();
      expect(served!.accounts).toEqual(snapshotWith(3, 'full').accounts);
      expect(served!.assignments).toEqual([
        ...snapshotWith(3, 'full').assignments,
        granted,
      ]);
    });

    it('drops a part read before the served full sync began', async () => {
      const {
        stores: [store],
      } = await stores(1);
      const partRead = await store.beginRead();
      await store.replaceSnapshot(snapshotWith(2), await store.beginRead());
      expect(
        await store.applyParts([
          {
            readSeq: partRead,
            part: {
              kind: 'principal',
              principalType: 'GROUP',
              principalId: 'g-1',
              assignments: [],
            },
          },
        ]),
      ).toEqual({ applied: 0, outdated: 1, written: false });
      expect(await store.getSnapshot()).toEqual(snapshotWith(2));
    });

    it('has nothing to patch before the first full sync', async () => {
      const {
        stores: [store],
      } = await stores(1);
      const result = await store.applyParts([
        {
          readSeq: await store.beginRead(),
          part: { kind: 'accounts', accounts: [] },
        },
      ]);
      expect(result).toEqual({ applied: 0, outdated: 1, written: false });
      expect(await store.getSnapshot()).toBeUndefined();
    });

    it('loses no part when instances patch at the same time', async () => {
      const { stores: instances } = await stores(3);
      await instances[0].replaceSnapshot(snapshotWith(1));
      const groups = Array.from({ length: 12 }, (_, i) => `g-new-${i}`);
      await Promise.all(
        groups.map(async (id, i) => {
          const store = instances[i % instances.length];
          return store.applyParts([
            {
              readSeq: await store.beginRead(),
              part: {
                kind: 'principal',
                principalType: 'GROUP',
                principalId: id,
                assignments: [
                  {
                    accountId: '100000000000',
                    permissionSetName: 'ReadOnly',
                    principalType: 'GROUP',
                    principalId: id,
                  },
                ],
              },
            },
          ]);
        }),
      );
      const served = await instances[1].getSnapshot();
      expect(served!.assignments.map(a => a.principalId).sort()).toEqual(
        ['g-1', ...groups].sort(),
      );
    });

    it('serves the version read last while the database cannot be read', async () => {
      const {
        knex,
        stores: [writer, fresh],
      } = await stores(2);
      await writer.replaceSnapshot(snapshotWith(2));
      await knex.schema.dropTable('aws_access_sync_state');
      expect((await writer.getSnapshot())?.accounts).toHaveLength(2);
      await expect(fresh.getSnapshot()).rejects.toMatchObject({
        name: 'ServiceUnavailableError',
        message: expect.stringContaining(
          'The AWS access snapshot cannot be read right now',
        ),
      });
    });

    it('sees another instance’s write once its pointer check expires', async () => {
      const knex = await databases.init(databaseId);
      const writer = await SnapshotStore.create(databaseService(knex), {
        organization: 'default',
      });
      const reader = await SnapshotStore.create(databaseService(knex), {
        organization: 'default',
        pointerTtlMs: 60_000,
      });
      await writer.replaceSnapshot(snapshotWith(1, 'first'));
      expect(await reader.getSnapshot()).toEqual(snapshotWith(1, 'first'));
      await writer.replaceSnapshot(snapshotWith(2, 'second'));
      // Within its time to live the reader trusts what it has: one query saved per request.
      expect(await reader.getSnapshot()).toEqual(snapshotWith(1, 'first'));
      const fresh = await SnapshotStore.create(databaseService(knex), {
        organization: 'default',
        pointerTtlMs: 0,
      });
      expect(await fresh.getSnapshot()).toEqual(snapshotWith(2, 'second'));
    });

    it('keeps two organisations on one database apart: writes, reads, prune and read sequence', async () => {
      const knex = await databases.init(databaseId);
      const store = (organization: string) =>
        SnapshotStore.create(databaseService(knex), {
          organization,
          pointerTtlMs: 0,
        });
      const [prod, sandbox, otherProd] = await Promise.all([
        store('prod'),
        store('sandbox'),
        store('prod'),
      ]);
      expect(await sandbox.getSnapshot()).toBeUndefined();

      // Sandbox's read sequence does not move prod's.
      expect(await prod.beginRead()).toBe(1);
      await sandbox.beginRead();
      await sandbox.beginRead();
      const prodRead = await prod.beginRead();
      expect(prodRead).toBe(2);

      // Written at the same time, each prunes only its own older versions.
      await prod.replaceSnapshot(snapshotWith(1, 'prod'));
      await Promise.all([
        prod.replaceSnapshot(snapshotWith(2, 'prod')),
        sandbox.replaceSnapshot(snapshotWith(3, 'sandbox')),
      ]);
      await sandbox.replaceSnapshot(snapshotWith(4, 'sandbox'));
      expect(await otherProd.getSnapshot()).toEqual(snapshotWith(2, 'prod'));
      expect(await sandbox.getSnapshot()).toEqual(snapshotWith(4, 'sandbox'));
      const rows = await knex('aws_access_snapshots')
        .select('organization')
        .orderBy('organization');
      expect(rows.map(r => r.organization)).toEqual(['prod', 'sandbox']);

      // A part applied in one organisation leaves the other's snapshot as it was.
      expect(
        await sandbox.applyParts([
          {
            readSeq: await sandbox.beginRead(),
            part: { kind: 'accounts', accounts: [] },
          },
        ]),
      ).toMatchObject({ applied: 1, written: true });
      expect((await sandbox.getSnapshot())!.accounts).toEqual([]);
      expect(await prod.getSnapshot()).toEqual(snapshotWith(2, 'prod'));
      // An older full read of prod still loses to prod's newer one, whatever sandbox did.
      expect(
        await prod.replaceSnapshot(snapshotWith(1, 'late'), prodRead - 1),
      ).toBeUndefined();
    });
  });
});

// In this file to share its set-up: the schema is the stores'.
const directory = path.resolve(__dirname, '../../migrations');
/** The schema of a single-organisation release. */
const SINGLE_ORGANIZATION_MIGRATIONS = [
  '20261126000000_snapshots.js',
  '20261126120000_snapshot_versions.js',
];

const served: AccessSnapshot = {
  accounts: [{ id: '111111111111', name: 'platform-prod' }],
  permissionSets: [{ name: 'ReadOnly' }],
  groups: [{ id: 'g-1', displayName: 'platform', externalIds: [] }],
  assignments: [
    {
      accountId: '111111111111',
      permissionSetName: 'ReadOnly',
      principalType: 'GROUP',
      principalId: 'g-1',
    },
  ],
};

/** A database as a single-organisation release left it: a served snapshot and its status. */
async function singleOrganizationDatabase(knex: Knex) {
  for (const name of SINGLE_ORGANIZATION_MIGRATIONS) {
    await knex.migrate.up({ directory, name });
  }
  const [inserted] = await knex('aws_access_snapshots')
    .insert({ data: JSON.stringify(served), created_at: new Date() })
    .returning('id');
  const snapshotId: number =
    typeof inserted === 'object' ? inserted.id : inserted;
  await knex('aws_access_sync_state').insert({
    id: 'identity-center',
    snapshot_id: snapshotId,
    read_seq: 7,
    freshness: JSON.stringify({ fullRead: 7, parts: {} }),
    last_success_at: new Date('2026-11-30T10:00:00.000Z'),
    details: JSON.stringify({ calls: { ListAccounts: 1 }, warnings: [] }),
  });
}

describe('the organisations migration', () => {
  describe.each(databases.eachSupportedId())('on %s', databaseId => {
    it('serves a single-organisation database’s data as organisation default', async () => {
      const knex = await databases.init(databaseId);
      await singleOrganizationDatabase(knex);

      const store = await SnapshotStore.create(databaseService(knex), {
        organization: 'default',
      });
      const status = await SyncStatusStore.create(databaseService(knex), {
        organization: 'default',
      });
      expect(await store.getSnapshot()).toEqual(served);
      expect(await status.getStatus()).toEqual({
        lastSuccessAt: '2026-11-30T10:00:00.000Z',
        details: { calls: { ListAccounts: 1 }, warnings: [] },
      });
      // Its read sequence goes on, so a read begun before the upgrade still loses.
      expect(await store.beginRead()).toBe(8);
      expect(
        await store.replaceSnapshot({ ...served, accounts: [] }, 6),
      ).toBeUndefined();
      expect(await knex('aws_access_sync_state').pluck('id')).toEqual([
        'default',
      ]);

      const prod = await SnapshotStore.create(databaseService(knex), {
        organization: 'prod',
      });
      expect(await prod.getSnapshot()).toBeUndefined();
    });

    it('rolls back to the single organisation default', async () => {
      const knex = await databases.init(databaseId);
      await singleOrganizationDatabase(knex);
      const prod = await SnapshotStore.create(databaseService(knex), {
        organization: 'prod',
      });
      await prod.replaceSnapshot({ ...served, accounts: [] });

      // By name: later migrations (temporary access) stay, as they do not depend on it.
      await knex.migrate.down({
        directory,
        name: '20261201000000_organizations.js',
      });
      expect(
        await knex.schema.hasColumn('aws_access_snapshots', 'organization'),
      ).toBe(false);
      const [state, ...others] = await knex('aws_access_sync_state').select(
        'id',
        'snapshot_id',
      );
      expect(others).toEqual([]);
      expect(state.id).toBe('identity-center');
      const rows = await knex('aws_access_snapshots').select('id', 'data');
      expect(rows).toEqual([
        { id: state.snapshot_id, data: expect.any(String) },
      ]);
      expect(JSON.parse(rows[0].data)).toEqual(served);

      // And up again: served as default once more.
      const again = await SnapshotStore.create(databaseService(knex), {
        organization: 'default',
        pointerTtlMs: 0,
      });
      expect(await again.getSnapshot()).toEqual(served);
    });
  });
});
