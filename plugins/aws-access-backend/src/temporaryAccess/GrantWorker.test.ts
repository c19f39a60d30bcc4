import { mockServices } from '@backstage/backend-test-utils';
import { FakeIdentityCenter } from '@aws-access/fake-identity-center';
import { Knex } from 'knex';
import {
  secondClient,
  storeTestDatabases,
} from '../__testUtils__/testDatabases';
import {
  DEV,
  PROD,
  PS,
  temporaryAccessOrg,
  userIdOf,
} from '../__testUtils__/temporaryAccessBackend';
import { IdentityCenterSettings } from '../identityCenter/settings';
import { RefreshTarget } from '../identityCenter/refreshTargets';
import { GrantStore } from './GrantStore';
import { GrantWorkEvent, GrantWorker } from './GrantWorker';
import { IdentityCenterWriter } from './IdentityCenterWriter';
import { WORK_LEASE_MS, claim } from './grantStateMachine';
import { GrantRecord } from './types';

const databases = storeTestDatabases();

jest.setTimeout(60_000);

const T0 = new Date('2026-12-02T10:00:00.000Z');
const MINUTE = 60_000;

describe('GrantWorker against the fake Identity Center over HTTP', () => {
  let fake: FakeIdentityCenter;
  let writer: IdentityCenterWriter;

  beforeAll(async () => {
    fake = await FakeIdentityCenter.start(temporaryAccessOrg(), {
      assignmentStatusDelayMs: 20,
    });
    const settings: IdentityCenterSettings = {
      region: 'eu-north-1',
      organizationsRegion: 'us-east-1',
      requestsPerSecond: 50,
      organizationsRequestsPerSecond: 10,
      concurrency: 4,
      maxAttempts: 1,
      endpoints: {
        ssoAdmin: fake.url,
        identityStore: fake.url,
        organizations: fake.url,
      },
    };
    writer = new IdentityCenterWriter({
      settings,
      credentials: async () => ({
        accessKeyId: 'AKIAFAKEFAKEFAKE',
        secretAccessKey: 'fake-secret',
      }),
      polling: { firstDelayMs: 30, maxDelayMs: 100, timeoutMs: 5_000 },
    });
  });
  afterAll(async () => {
    await fake?.stop();
  });

  const writesFor = (name: string) => {
    const ops = fake.assignmentOperations.filter(
      o => o.assignment.principalId === userIdOf(name),
    );
    return {
      creates: ops.filter(o => o.kind === 'create').map(o => o.status),
      deletes: ops.filter(o => o.kind === 'delete').map(o => o.status),
    };
  };

  describe.each(databases.eachSupportedId())('on %s', databaseId => {
    let knex: Knex;
    let other: Knex;
    let store: GrantStore;
    let otherStore: GrantStore;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      store = await GrantStore.create(
        mockServices.database({ knex, migrations: { skip: false } }),
      );
      other = secondClient(knex, databaseId);
      otherStore = new GrantStore(other);
    });
    afterAll(async () => {
      if (other !== knex) {
        await other.destroy();
      }
    });

    /** A worker on `onStore` whose clock the test moves, and what it reported. */
    function workerOn(onStore: GrantStore = store) {
      const clock = { now: T0 };
      const events: Array<[GrantWorkEvent, GrantRecord]> = [];
      const refreshed: RefreshTarget[] = [];
      const worker = new GrantWorker({
        store: onStore,
        organizations: id =>
          id === 'default'
            ? {
                grants: true,
                writer,
                refresh: { request: target => refreshed.push(target) },
                knownUserId: async () => undefined,
              }
            : undefined,
        userLookup: async catalogRef => ({
          userNames: [`${catalogRef.split('/')[1]}@example.org`],
          emails: [],
        }),
        onEvent: async (grant, event) => {
          events.push([event, grant]);
        },
        logger: mockServices.logger.mock(),
        now: () => clock.now,
      });
      const at = (ms: number) => {
        clock.now = new Date(T0.getTime() + ms);
      };
      return { worker, clock, at, events, refreshed };
    }

    /** An approved request of `name` (per database: names carry the database id). */
    async function approved(
      name: string,
      overrides: { organization?: string; durationMs?: number } = {},
    ): Promise<GrantRecord> {
      const result = await store.insertOpen(
        {
          organization: overrides.organization ?? 'default',
          accountId: DEV,
          accountName: 'platform-dev',
          permissionSetName: 'PowerUser',
          permissionSetArn: PS.PowerUser,
          requesterRef: `user:default/${name}`,
          reason: 'Incident 42',
          durationMs: overrides.durationMs ?? 60 * MINUTE,
          approverRefs: ['group:default/platform'],
          state: 'approved',
          decidedBy: 'user:default/ada',
        },
        T0,
      );
      if (!result.created) throw new Error('expected a new request');
      return result.grant;
    }

    /**
     * An identity-store user of the test's own (but `nobody`): each database gets its
     * own, as the fake is shared by the whole file.
     */
    const person = (name: string) => {
      const own = `${name}-${databaseId.toLowerCase()}`;
      if (name !== 'nobody') {
        fake.org.users!.push({
          id: userIdOf(own),
          userName: `${own}@example.org`,
        });
      }
      return own;
    };

    it('grants an approved request and removes exactly that assignment at its expiry, not before', async () => {
      const name = person('grace');
      // Their own direct assignment, which the backend did not make.
      fake.org.assignments.push({
        accountId: PROD,
        permissionSetArn: PS.ReadOnly,
        principalType: 'USER',
        principalId: userIdOf(name),
      });
      const { worker, at, events, refreshed } = workerOn();
      const grant = await approved(name);
      await worker.runOnce();
      const active = await store.get(grant.id);
      expect(active).toEqual(
        expect.objectContaining({
          state: 'active',
          identityCenterUserId: userIdOf(name),
          grantedAt: T0,
          expiresAt: new Date(T0.getTime() + 60 * MINUTE),
          attempts: 0,
        }),
      );
      expect(active).not.toHaveProperty('nextAttemptAt');
      expect(fake.assignmentsOf(userIdOf(name))).toHaveLength(2);
      expect(refreshed).toEqual([
        {
          kind: 'principal',
          principalType: 'USER',
          principalId: userIdOf(name),
          expect: {
            accountId: DEV,
            permissionSetArn: PS.PowerUser,
            present: true,
          },
          catalogRef: `user:default/${name}`,
        },
      ]);

      at(60 * MINUTE - 1);
      await worker.runOnce();
      expect((await store.get(grant.id))?.state).toBe('active');
      expect(writesFor(name).deletes).toEqual([]);

      at(60 * MINUTE);
      await worker.runOnce();
      expect(await store.get(grant.id)).toEqual(
        expect.objectContaining({
          state: 'removed',
          removedAt: new Date(T0.getTime() + 60 * MINUTE),
        }),
      );
      expect(writesFor(name)).toEqual({
        creates: ['SUCCEEDED'],
        deletes: ['SUCCEEDED'],
      });
      // Only the recorded assignment went; the user's own stays.
      expect(fake.assignmentsOf(userIdOf(name))).toEqual([
        expect.objectContaining({
          accountId: PROD,
          permissionSetArn: PS.ReadOnly,
        }),
      ]);
      expect(refreshed[1].kind === 'principal' && refreshed[1].expect).toEqual({
        accountId: DEV,
        permissionSetArn: PS.PowerUser,
        present: false,
      });
      expect(events.map(([e, g]) => [e, g.state])).toEqual([
        ['granted', 'active'],
        ['removed', 'removed'],
      ]);
      await worker.runOnce();
      expect(writesFor(name).deletes).toHaveLength(1);
    });

    it('of two workers on one database, one creates and one removes', async () => {
      const name = person('heidi');
      const a = workerOn(store);
      const b = workerOn(otherStore);
      const grant = await approved(name);
      await Promise.all([a.worker.runOnce(), b.worker.runOnce()]);
      expect((await store.get(grant.id))?.state).toBe('active');
      expect(writesFor(name).creates).toEqual(['SUCCEEDED']);
      a.at(60 * MINUTE);
      b.at(60 * MINUTE);
      await Promise.all([a.worker.runOnce(), b.worker.runOnce()]);
      expect((await store.get(grant.id))?.state).toBe('removed');
      expect(writesFor(name).deletes).toEqual(['SUCCEEDED']);
      expect([...a.events, ...b.events].map(([e]) => e).sort()).toEqual([
        'granted',
        'removed',
      ]);
    });

    it('finishes a grant whose worker died after creating the assignment, once its lease runs out', async () => {
      const name = person('ivan');
      const grant = await approved(name);
      // The first worker claims, records the user, creates the assignment… and dies.
      const claimed = await store.transition(
        grant.id,
        grant,
        claim(grant, T0),
        T0,
      );
      const recorded = await store.transition(
        grant.id,
        claimed!,
        { identityCenterUserId: userIdOf(name) },
        T0,
      );
      await writer.createAssignment({
        accountId: DEV,
        permissionSetArn: PS.PowerUser,
        userId: userIdOf(name),
      });
      expect(recorded?.state).toBe('granting');

      const { worker, at, events } = workerOn();
      at(WORK_LEASE_MS - 1);
      await worker.runOnce();
      expect((await store.get(grant.id))?.state).toBe('granting');
      expect(writesFor(name).creates).toHaveLength(1);

      at(WORK_LEASE_MS);
      await worker.runOnce();
      const active = await store.get(grant.id);
      expect(active?.state).toBe('active');
      // Creating it again was harmless: one assignment.
      expect(fake.assignmentsOf(userIdOf(name))).toHaveLength(1);
      at(WORK_LEASE_MS + 60 * MINUTE);
      await worker.runOnce();
      expect((await store.get(grant.id))?.state).toBe('removed');
      expect(fake.assignmentsOf(userIdOf(name))).toEqual([]);
      expect(events.map(([e]) => e)).toEqual(['granted', 'removed']);
    });

    it('retries a failing removal with growing waits, overdue meanwhile, until it succeeds', async () => {
      const name = person('judy');
      const { worker, at, events } = workerOn();
      const grant = await approved(name);
      await worker.runOnce();
      // An outage (HTTP 500), then a FAILED status, then Identity Center recovers.
      fake.failNext('DeleteAccountAssignment', 1, {
        error: 'InternalServerException',
      });
      fake.failNext('DeleteAccountAssignment', 1, { status: 'FAILED' });

      at(60 * MINUTE);
      await worker.runOnce();
      const first = await store.get(grant.id);
      expect(first).toEqual(
        expect.objectContaining({
          state: 'expiring',
          attempts: 1,
          nextAttemptAt: new Date(T0.getTime() + 60 * MINUTE + 5_000),
          lastError: expect.stringContaining('InternalServerException'),
        }),
      );
      // Not due again before its wait is over.
      at(60 * MINUTE + 4_999);
      await worker.runOnce();
      expect((await store.get(grant.id))?.attempts).toBe(1);

      at(60 * MINUTE + 5_000);
      await worker.runOnce();
      expect(await store.get(grant.id)).toEqual(
        expect.objectContaining({
          state: 'expiring',
          attempts: 2,
          nextAttemptAt: new Date(T0.getTime() + 60 * MINUTE + 15_000),
          lastError: expect.stringContaining('An unexpected internal'),
        }),
      );
      expect(fake.assignmentsOf(userIdOf(name))).toHaveLength(1);

      at(60 * MINUTE + 15_000);
      await worker.runOnce();
      expect((await store.get(grant.id))?.state).toBe('removed');
      expect(fake.assignmentsOf(userIdOf(name))).toEqual([]);
      expect(events.map(([e, g]) => [e, g.attempts])).toEqual([
        ['granted', 0],
        ['removal-failed', 1],
        ['removal-failed', 2],
        ['removed', 2],
      ]);
    });

    it('retries a create that fails for a while', async () => {
      const name = person('erin');
      const { worker, at, events } = workerOn();
      const grant = await approved(name);
      fake.failNext('CreateAccountAssignment', 1, {
        error: 'InternalServerException',
      });
      await worker.runOnce();
      expect(await store.get(grant.id)).toEqual(
        expect.objectContaining({
          state: 'granting',
          attempts: 1,
          nextAttemptAt: new Date(T0.getTime() + 5_000),
        }),
      );
      at(5_000);
      await worker.runOnce();
      const active = await store.get(grant.id);
      expect(active).toEqual(
        expect.objectContaining({
          state: 'active',
          attempts: 0,
          // The grant runs from when it was made, for its whole duration.
          expiresAt: new Date(T0.getTime() + 5_000 + 60 * MINUTE),
        }),
      );
      expect(active).not.toHaveProperty('lastError');
      expect(events.map(([e]) => e)).toEqual(['grant-retry', 'granted']);
    });

    it.each([
      ['a user Identity Center does not know', 'nobody', undefined],
      ['a create that ends FAILED', 'mallory', true],
    ])(
      'fails a grant for %s, once, leaving no assignment',
      async (_, who, failCreate) => {
        const name = person(who);
        const { worker, events } = workerOn();
        const grant = await approved(name);
        if (failCreate) {
          fake.failNext('CreateAccountAssignment', 1, {
            status: 'FAILED',
            reason: 'Injected failure',
          });
        }
        await worker.runOnce();
        const failed = await store.get(grant.id);
        expect(failed).toEqual(
          expect.objectContaining({
            state: 'failed',
            lastError: expect.stringMatching(
              failCreate ? /Injected failure/ : /No IAM Identity Center user/,
            ),
          }),
        );
        expect(failed).not.toHaveProperty('grantedAt');
        expect(fake.assignmentsOf(userIdOf(name))).toEqual([]);
        expect(events.map(([e, g]) => [e, g.state])).toEqual([
          ['grant-failed', 'failed'],
        ]);
      },
    );

    it('fails a grant of an organisation it cannot write to, without writing', async () => {
      const name = person('niaj');
      const { worker, events } = workerOn();
      const grant = await approved(name, { organization: 'gone' });
      await worker.runOnce();
      // Never granted (no user id was recorded), so nothing to take back.
      expect(await store.get(grant.id)).toEqual(
        expect.objectContaining({ state: 'failed' }),
      );
      expect(writesFor(name)).toEqual({ creates: [], deletes: [] });
      expect(events.map(([e]) => e)).toEqual(['grant-failed']);
    });
  });
});
