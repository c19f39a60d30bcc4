import { DatabaseSnapshotSource } from './DatabaseSnapshotSource';

describe('DatabaseSnapshotSource', () => {
  it('answers "try again later" while the sync status cannot be read', async () => {
    const source = new DatabaseSnapshotSource(
      { getSnapshot: async () => undefined },
      {
        getStatus: async () => {
          throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
        },
      },
      60_000,
    );
    await expect(source.getStatus()).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message:
        'The sync status cannot be read right now: connect ECONNREFUSED 127.0.0.1:5432',
    });
  });
});
