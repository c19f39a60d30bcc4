import { mockServices } from '@backstage/backend-test-utils';
import { storeTestDatabases } from '../__testUtils__/testDatabases';
import { SnapshotStore } from './SnapshotStore';
import { SyncStatusStore } from './SyncStatusStore';

const databases = storeTestDatabases();

jest.setTimeout(60_000);

describe('SyncStatusStore', () => {
  describe.each(databases.eachSupportedId())('on %s', databaseId => {
    async function stores() {
      const knex = await databases.init(databaseId);
      const database = mockServices.database({
        knex,
        migrations: { skip: false },
      });
      return {
        database,
        status: await SyncStatusStore.create(database, {
          organization: 'default',
        }),
        snapshots: await SnapshotStore.create(database, {
          organization: 'default',
        }),
      };
    }

    it('has nothing to report before the first sync', async () => {
      const { status } = await stores();
      expect(await status.getStatus()).toEqual({});
    });

    it('reports an attempt, a success and then a failure, keeping the last success', async () => {
      const { status } = await stores();
      const details = { calls: { ListAccounts: 1 }, warnings: [] };
      await status.recordAttempt(new Date('2026-11-26T10:00:00.000Z'));
      await status.recordSuccess(new Date('2026-11-26T10:01:00.000Z'), details);
      expect(await status.getStatus()).toEqual({
        lastAttemptAt: '2026-11-26T10:00:00.000Z',
        lastSuccessAt: '2026-11-26T10:01:00.000Z',
        details,
      });
      await status.recordAttempt(new Date('2026-11-26T10:30:00.000Z'));
      await status.recordFailure('ThrottlingException: Rate exceeded', {
        calls: { ListAccounts: 3 },
        warnings: [],
      });
      expect(await status.getStatus()).toEqual({
        lastAttemptAt: '2026-11-26T10:30:00.000Z',
        lastSuccessAt: '2026-11-26T10:01:00.000Z',
        lastError: 'ThrottlingException: Rate exceeded',
        details: { calls: { ListAccounts: 3 }, warnings: [] },
      });
      // A later success clears the error.
      await status.recordSuccess(new Date('2026-11-26T11:00:00.000Z'), details);
      expect((await status.getStatus()).lastError).toBeUndefined();
    });

    it('reports the lag of the last change from its event time', async () => {
      const { status } = await stores();
      const at = new Date('2026-11-26T10:00:01.500Z');
      await status.recordChange(at, new Date('2026-11-26T10:00:00.000Z'));
      expect(await status.getStatus()).toEqual({
        lastChangeAt: at.toISOString(),
        lastChangeLagMs: 1500,
      });
    });

    it('leaves the served snapshot alone, and the snapshot store leaves the status', async () => {
      const { status, snapshots } = await stores();
      const snapshot = {
        accounts: [{ id: '111111111111', name: 'one' }],
        permissionSets: [],
        groups: [],
        assignments: [],
      };
      await status.recordSuccess(new Date('2026-11-26T10:00:00.000Z'), {
        calls: {},
        warnings: [],
      });
      await snapshots.replaceSnapshot(snapshot);
      await status.recordFailure('boom', { calls: {}, warnings: [] });
      expect(await snapshots.getSnapshot()).toEqual(snapshot);
      expect(await status.getStatus()).toMatchObject({
        lastSuccessAt: '2026-11-26T10:00:00.000Z',
        lastError: 'boom',
      });
    });

    it('reports each organisation on its own', async () => {
      const { database, status } = await stores();
      const sandbox = await SyncStatusStore.create(database, {
        organization: 'sandbox',
      });
      await status.recordSuccess(new Date('2026-11-26T10:00:00.000Z'), {
        calls: { ListAccounts: 1 },
        warnings: [],
      });
      expect(await sandbox.getStatus()).toEqual({});
      await sandbox.recordAttempt(new Date('2026-11-26T10:05:00.000Z'));
      await sandbox.recordFailure('AccessDeniedException', {
        calls: {},
        warnings: [],
      });
      expect(await status.getStatus()).toEqual({
        lastSuccessAt: '2026-11-26T10:00:00.000Z',
        details: { calls: { ListAccounts: 1 }, warnings: [] },
      });
      expect(await sandbox.getStatus()).toEqual({
        lastAttemptAt: '2026-11-26T10:05:00.000Z',
        lastError: 'AccessDeniedException',
        details: { calls: {}, warnings: [] },
      });
    });
  });
});
