import { TestDatabases } from '@backstage/backend-test-utils';
import { FakeIdentityCenter } from '@aws-access/fake-identity-center';
import knexFactory, { Knex } from 'knex';
import { postgresIds } from '../__testUtils__/testDatabases';
import {
  PermissionPolicy,
  TemporaryAccessBackend,
  allowEverything,
  grantInState,
  moveWallClockTo,
  restoreWallClock,
  startTemporaryAccessBackend,
  temporaryAccessOrg,
  userIdOf,
  writesFor,
  DEV,
} from '../__testUtils__/temporaryAccessBackend';
import { waitFor } from '../__testUtils__/startAwsAccessBackend';
import { GrantStore } from './GrantStore';

// Integration tier: needs the PostgreSQL server scripts/test.sh starts (see
// snapshot/postgres.integration.test.ts). Several backend instances on one database.
jest.setTimeout(90_000);

const databases = TestDatabases.create({
  ids: postgresIds.slice(0, 1),
  disableDocker: true,
});

const powerUser = (durationMinutes = 60) => ({
  accountId: DEV,
  role: 'PowerUser',
  durationMinutes,
  reason: 'Incident 4711',
});

describe('temporary access with two backend instances on one PostgreSQL database', () => {
  let fake: FakeIdentityCenter;
  let knex: Knex;
  /** Each instance has its own connection pool, as separate processes would. */
  const clients: Knex[] = [];
  const running: TemporaryAccessBackend[] = [];
  const policy: PermissionPolicy = { decide: allowEverything };

  async function startInstance(options: { temporaryAccess?: boolean } = {}) {
    const { client, connection } = knex.client.config;
    const own = knexFactory({ client, connection, pool: { min: 0, max: 5 } });
    clients.push(own);
    const backend = await startTemporaryAccessBackend({
      fake,
      policy,
      knex: own,
      ...(options.temporaryAccess === false && {
        awsAccess: ({ temporaryAccess: _off, ...rest }) => rest,
      }),
    });
    running.push(backend);
    return backend;
  }

  async function stopInstance(backend: TemporaryAccessBackend) {
    await backend.stop();
    running.splice(running.indexOf(backend), 1);
  }

  beforeAll(async () => {
    if (postgresIds.length === 0) {
      throw new Error(
        'No PostgreSQL to test on: set BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING (scripts/test.sh does)',
      );
    }
    fake = await FakeIdentityCenter.start(temporaryAccessOrg());
    knex = await databases.init(postgresIds[0]);
  });
  afterAll(async () => {
    await Promise.all(running.map(b => b.stop()));
    restoreWallClock();
    await Promise.all(clients.map(c => c.destroy()));
    await fake?.stop();
  });

  it('makes one assignment for two approvals at once on two instances, and one request for two asks', async () => {
    const a = await startInstance();
    const b = await startInstance();

    const asks = await Promise.all([
      a.api.ask('grace', powerUser()),
      b.api.ask('grace', powerUser()),
    ]);
    expect(asks.map(r => r.status).sort()).toEqual([201, 409]);
    const { id } = asks.find(r => r.status === 201)!.body;

    const answers = await Promise.all([
      a.api.act('ada', id, 'approve'),
      b.api.act('bob', id, 'approve'),
    ]);
    expect(answers.map(r => r.status).sort()).toEqual([200, 409]);
    await grantInState(b.api, 'grace', id, 'active');
    expect((await a.api.grant('grace', id)).state).toBe('active');
    expect(writesFor(fake, 'grace').creates).toHaveLength(1);
    expect(fake.assignmentsOf(userIdOf('grace'))).toHaveLength(1);
  });

  it('removes at expiry an assignment granted before a restart, once, although the feature was switched off meanwhile', async () => {
    const [a, b] = running;
    const asked = await a.api.ask('heidi', powerUser(1)).expect(201);
    await b.api.act('ada', asked.body.id, 'approve').expect(200);
    const active = await grantInState(a.api, 'heidi', asked.body.id, 'active');
    expect(fake.assignmentsOf(userIdOf('heidi'))).toHaveLength(1);

    // Every instance goes; a new one starts on the same database, with temporary access
    // switched off in its config: no more requests, but what was granted is still removed.
    await stopInstance(a);
    await stopInstance(b);
    const c = await startInstance({ temporaryAccess: false });
    await c.api.ask('ivan', powerUser()).expect(404);

    // The wall clock passes the grant's end.
    moveWallClockTo(Date.parse(active.expiresAt!) + 1000);
    const store = new GrantStore(knex);
    await waitFor(async () => {
      const grant = await store.get(asked.body.id);
      return grant?.state === 'removed' ? grant : undefined;
    }, 'the grant removed');
    expect(fake.assignmentsOf(userIdOf('heidi'))).toEqual([]);
    expect(writesFor(fake, 'heidi')).toEqual({
      creates: [expect.objectContaining({ status: 'SUCCEEDED' })],
      deletes: [expect.objectContaining({ status: 'SUCCEEDED' })],
    });
    // The other grant, still running, is untouched, and was made once although both
    // first instances polled for work all along.
    expect(fake.assignmentsOf(userIdOf('grace'))).toHaveLength(1);
    expect(writesFor(fake, 'grace').creates).toHaveLength(1);
  });
});
