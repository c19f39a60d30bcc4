import { mockServices } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import path from 'node:path';
import {
  secondClient,
  storeTestDatabases,
} from '../__testUtils__/testDatabases';
import { GrantStore } from './GrantStore';
import { NewGrant } from './types';

const databases = storeTestDatabases();

jest.setTimeout(60_000);

const migrations = path.resolve(__dirname, '../../migrations');
const MIGRATION = '20261202000000_access_grants.js';

const T0 = new Date('2026-12-02T10:00:00.123Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const MINUTE = 60_000;

function request(overrides: Partial<NewGrant> = {}): NewGrant {
  return {
    organization: 'default',
    accountId: '111111111111',
    accountName: 'platform-prod',
    permissionSetName: 'PowerUser',
    permissionSetArn:
      'arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-1111111111111111',
    requesterRef: 'user:default/guest',
    reason: 'Incident 42',
    durationMs: 60 * MINUTE,
    approverRefs: ['group:default/platform'],
    state: 'pending',
    ...overrides,
  };
}

describe('GrantStore', () => {
  describe.each(databases.eachSupportedId())('on %s', databaseId => {
    // One database for the file: every test uses requesters or organisations of its own.
    let knex: Knex;
    let store: GrantStore;
    let other: Knex;
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

    it('returns a request as recorded, times to the millisecond and hostile text as it was', async () => {
      const reason =
        `'; DROP TABLE aws_access_grants; -- <img src=x onerror=alert(1)>\n` +
        `Ærlig talt 🔐 \u202eevil\u202c "quoted" \\ ${'x'.repeat(5000)}`;
      const result = await store.insertOpen(
        request({ requesterRef: 'user:default/ørjan', reason }),
        T0,
      );
      if (!result.created) throw new Error('expected a new request');
      expect(result.grant).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        organization: 'default',
        accountId: '111111111111',
        accountName: 'platform-prod',
        permissionSetName: 'PowerUser',
        permissionSetArn: request().permissionSetArn,
        requesterRef: 'user:default/ørjan',
        reason,
        durationMs: 3_600_000,
        state: 'pending',
        approverRefs: ['group:default/platform'],
        createdAt: T0,
        attempts: 0,
        version: 1,
      });
      expect(await store.get(result.grant.id)).toStrictEqual(result.grant);

      const granted = await store.transition(
        result.grant.id,
        { state: 'pending', version: 1 },
        {
          state: 'active',
          identityCenterUserId: '9067f3f1-1234-4567-89ab-cdef01234567',
          decidedBy: 'user:default/approver',
          decidedAt: at(1),
          grantedAt: at(1001),
          expiresAt: at(3_601_001),
        },
        at(1001),
      );
      expect(granted).toMatchObject({ version: 2, expiresAt: at(3_601_001) });
      const read = await store.get(result.grant.id);
      expect(read).toStrictEqual(granted);
      expect(read?.expiresAt?.toISOString()).toBe('2026-12-02T11:00:01.124Z');
      expect(await store.get('not-a-uuid')).toBeUndefined();
    });

    it('records a self-service request as approved by its requester, without approvers', async () => {
      const result = await store.insertOpen(
        request({
          requesterRef: 'user:default/self',
          permissionSetName: 'ReadOnly',
          reason: undefined,
          approverRefs: [],
          state: 'approved',
          decidedBy: 'user:default/self',
        }),
        T0,
      );
      expect(result).toEqual({
        created: true,
        grant: expect.objectContaining({
          state: 'approved',
          decidedBy: 'user:default/self',
          decidedAt: T0,
          approverRefs: [],
        }),
      });
      const read = await store.get(result.created ? result.grant.id : '');
      expect(read).not.toHaveProperty('reason');
      expect(read).toStrictEqual(result.created && result.grant);
    });

    it('keeps one open request per requester, account and role until it closes', async () => {
      const mine = request({ requesterRef: 'user:default/once' });
      const first = await store.insertOpen(mine, T0);
      if (!first.created) throw new Error('expected a new request');

      expect(
        await store.insertOpen({ ...mine, reason: 'again' }, at(1)),
      ).toEqual({ created: false, existing: first.grant });
      // Any other account, role, organisation or requester is another request.
      for (const different of [
        { accountId: '222222222222' },
        { permissionSetName: 'Admin' },
        { organization: 'sandbox' },
        { requesterRef: 'user:default/someone-else' },
      ]) {
        expect(
          await store.insertOpen({ ...mine, ...different }, at(2)),
        ).toMatchObject({ created: true });
      }

      // Still open once approved and while active or being removed.
      const approved = await store.transition(
        first.grant.id,
        { state: 'pending', version: 1 },
        { state: 'approved', decidedAt: at(3) },
        at(3),
      );
      expect(await store.insertOpen(mine, at(4))).toEqual({
        created: false,
        existing: approved,
      });

      // Denied (closed): the requester may ask again.
      const denied = await store.transition(
        first.grant.id,
        { state: 'approved', version: 2 },
        { state: 'denied', decisionReason: 'no' },
        at(5),
      );
      expect(denied?.state).toBe('denied');
      const again = await store.insertOpen(mine, at(6));
      expect(again).toMatchObject({ created: true });
      expect(await store.get(first.grant.id)).toEqual(denied);
    });

    it('creates exactly one request when instances insert the same at once', async () => {
      const same = request({ requesterRef: 'user:default/racer' });
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          (i % 2 ? otherStore : store).insertOpen(same, at(i)),
        ),
      );
      const created = results.flatMap(r => (r.created ? [r.grant] : []));
      expect(created).toHaveLength(1);
      for (const result of results) {
        expect(result.created ? result.grant : result.existing).toEqual(
          created[0],
        );
      }
      expect(await store.list({ requesterRef: 'user:default/racer' })).toEqual(
        created,
      );
    });

    it('changes a grant once when two transitions start from the same version', async () => {
      const result = await store.insertOpen(
        request({ requesterRef: 'user:default/cas' }),
        T0,
      );
      if (!result.created) throw new Error('expected a new request');
      const { id } = result.grant;
      const read = { state: 'pending' as const, version: 1 };

      const [approve, deny] = await Promise.all([
        store.transition(
          id,
          read,
          { state: 'approved', decidedBy: 'user:default/a', decidedAt: at(1) },
          at(1),
        ),
        otherStore.transition(
          id,
          read,
          { state: 'denied', decidedBy: 'user:default/b', decisionReason: 'x' },
          at(1),
        ),
      ]);
      const winners = [approve, deny].filter(Boolean);
      expect(winners).toHaveLength(1);
      expect(winners[0]).toMatchObject({ version: 2 });
      expect(await store.get(id)).toEqual(winners[0]);

      // A stale version or state, or an unknown id, changes nothing.
      expect(
        await store.transition(id, read, { state: 'cancelled' }, at(2)),
      ).toBeUndefined();
      expect(
        await store.transition(
          id,
          { state: 'active', version: 2 },
          { state: 'expiring' },
          at(2),
        ),
      ).toBeUndefined();
      expect(
        await store.transition(
          '00000000-0000-4000-8000-000000000000',
          read,
          {},
          at(2),
        ),
      ).toBeUndefined();
      expect(await store.get(id)).toEqual(winners[0]);
    });

    it('keeps what a transition leaves out or gives as undefined, and clears what it gives as null', async () => {
      const result = await store.insertOpen(
        request({ requesterRef: 'user:default/retry', state: 'approved' }),
        T0,
      );
      if (!result.created) throw new Error('expected a new request');
      const failing = await store.transition(
        result.grant.id,
        { state: 'approved', version: 1 },
        {
          state: 'granting',
          identityCenterUserId: 'u-1',
          attempts: 2,
          nextAttemptAt: at(MINUTE),
          lastError: 'ThrottlingException',
        },
        at(1),
      );
      expect(failing).toMatchObject({
        state: 'granting',
        decidedAt: T0,
        reason: 'Incident 42',
        attempts: 2,
        lastError: 'ThrottlingException',
      });
      // No state given: the state stays, the version still rises.
      const succeeded = await store.transition(
        result.grant.id,
        { state: 'granting', version: 2 },
        {
          attempts: 0,
          lastError: null,
          nextAttemptAt: null,
          identityCenterUserId: undefined,
        },
        at(2),
      );
      const { lastError, nextAttemptAt, ...kept } = failing!;
      expect(succeeded).toStrictEqual({ ...kept, attempts: 0, version: 3 });
      expect(succeeded?.identityCenterUserId).toBe('u-1');
      expect(await store.get(result.grant.id)).toStrictEqual(succeeded);
    });

    it('never reopens a closed request', async () => {
      const result = await store.insertOpen(
        request({ requesterRef: 'user:default/closed' }),
        T0,
      );
      if (!result.created) throw new Error('expected a new request');
      await store.transition(
        result.grant.id,
        { state: 'pending', version: 1 },
        { state: 'cancelled' },
        at(1),
      );
      await expect(
        store.transition(
          result.grant.id,
          { state: 'cancelled', version: 2 },
          { state: 'pending' },
          at(2),
        ),
      ).rejects.toThrow(/never reopened/);
    });

    it('lists what every field of the query matches, newest first', async () => {
      const organization = 'listing';
      const insert = async (ms: number, overrides: Partial<NewGrant>) => {
        const result = await store.insertOpen(
          request({ organization, ...overrides }),
          at(ms),
        );
        if (!result.created) throw new Error('expected a new request');
        return result.grant;
      };
      const a = await insert(0, {
        requesterRef: 'user:default/a',
        approverRefs: ['group:default/platform', 'group:default/security'],
      });
      const b = await insert(MINUTE, {
        requesterRef: 'user:default/b',
        approverRefs: ['group:default/data'],
      });
      const c = await insert(2 * MINUTE, {
        requesterRef: 'user:default/a',
        permissionSetName: 'ReadOnly',
        approverRefs: [],
        state: 'approved',
      });
      const deniedB = await store.transition(
        b.id,
        { state: 'pending', version: 1 },
        { state: 'denied', decisionReason: 'no' },
        at(3 * MINUTE),
      );
      await insert(0, { organization: 'elsewhere' });

      expect(await store.list({ organization })).toEqual([c, deniedB, a]);
      expect(await store.list({ organization, limit: 2 })).toEqual([
        c,
        deniedB,
      ]);
      expect(
        await store.list({ organization, states: ['pending', 'approved'] }),
      ).toEqual([c, a]);
      expect(
        await store.list({ organization, requesterRef: 'user:default/a' }),
      ).toEqual([c, a]);
      expect(
        await store.list({
          organization,
          approverRefsAny: ['group:default/security', 'group:default/data'],
        }),
      ).toEqual([deniedB, a]);
      expect(
        await store.list({
          organization,
          approverRefsAny: ['group:default/data'],
          states: ['pending'],
        }),
      ).toEqual([]);
      expect(await store.list({ organization, approverRefsAny: [] })).toEqual(
        [],
      );
      expect(await store.list({ organization, states: [] })).toEqual([]);
    });
  });
});

describe('GrantStore work for the worker', () => {
  describe.each(databases.eachSupportedId())('on %s', databaseId => {
    it('is due when approved, when a lease or retry runs out and at expiry', async () => {
      // A database of its own: `due` sees every row.
      const knex = await databases.init(databaseId);
      const store = await GrantStore.create(
        mockServices.database({ knex, migrations: { skip: false } }),
      );
      expect(await store.nextDueAt()).toBeUndefined();
      expect(await store.due(T0, 10)).toEqual([]);

      const insert = async (requesterRef: string, ms: number) => {
        const result = await store.insertOpen(
          request({ requesterRef }),
          at(ms),
        );
        if (!result.created) throw new Error('expected a new request');
        return result.grant;
      };
      const pending = await insert('user:default/pending', 0);
      const toApprove = await insert('user:default/approved', 0);
      const toGrant = await insert('user:default/granting', 0);
      const toActivate = await insert('user:default/active', 0);
      const toExpire = await insert('user:default/expiring', 0);
      expect(await store.nextDueAt()).toBeUndefined();

      const approved = await store.transition(
        toApprove.id,
        { state: 'pending', version: 1 },
        { state: 'approved', decidedAt: at(5 * MINUTE) },
        at(5 * MINUTE),
      );
      const granting = await store.transition(
        toGrant.id,
        { state: 'pending', version: 1 },
        { state: 'granting', nextAttemptAt: at(7 * MINUTE) },
        at(2 * MINUTE),
      );
      const active = await store.transition(
        toActivate.id,
        { state: 'pending', version: 1 },
        { state: 'active', expiresAt: at(10 * MINUTE) },
        at(1 * MINUTE),
      );
      const expiring = await store.transition(
        toExpire.id,
        { state: 'pending', version: 1 },
        { state: 'expiring', attempts: 1, nextAttemptAt: at(6 * MINUTE) },
        at(1 * MINUTE),
      );

      expect(await store.nextDueAt()).toEqual(at(5 * MINUTE));
      expect(await store.due(at(5 * MINUTE - 1), 10)).toEqual([]);
      expect(await store.due(at(6 * MINUTE), 10)).toEqual([approved, expiring]);
      expect(await store.due(at(20 * MINUTE), 10)).toEqual([
        approved,
        expiring,
        granting,
        active,
      ]);
      expect(await store.due(at(20 * MINUTE), 1)).toEqual([approved]);

      // Claimed with a lease: due again only when the lease runs out.
      const claimed = await store.transition(
        toApprove.id,
        { state: 'approved', version: 2 },
        { state: 'granting', nextAttemptAt: at(30 * MINUTE) },
        at(20 * MINUTE),
      );
      expect(await store.nextDueAt()).toEqual(at(6 * MINUTE));
      expect(await store.due(at(29 * MINUTE), 10)).not.toContainEqual(claimed);
      expect(await store.due(at(30 * MINUTE), 10)).toContainEqual(claimed);

      // Closed grants are never due; nor is a pending request.
      for (const grant of [granting, active, expiring]) {
        await store.transition(
          grant!.id,
          { state: grant!.state, version: grant!.version },
          { state: 'removed', removedAt: at(31 * MINUTE) },
          at(31 * MINUTE),
        );
      }
      expect(await store.due(at(60 * MINUTE), 10)).toEqual([claimed]);
      expect(await store.nextDueAt()).toEqual(at(30 * MINUTE));
      expect(await store.get(pending.id)).toMatchObject({ state: 'pending' });
    });

    it('rolls its migration back and forward again', async () => {
      const knex = await databases.init(databaseId);
      const store = await GrantStore.create(
        mockServices.database({ knex, migrations: { skip: false } }),
      );
      await store.insertOpen(request(), T0);

      await knex.migrate.down({ directory: migrations, name: MIGRATION });
      expect(await knex.schema.hasTable('aws_access_grants')).toBe(false);
      expect(await knex.schema.hasTable('aws_access_grant_approvers')).toBe(
        false,
      );
      expect(await knex.schema.hasTable('aws_access_snapshots')).toBe(true);

      await knex.migrate.latest({ directory: migrations });
      const again = new GrantStore(knex);
      expect(await again.list({})).toEqual([]);
      expect(await again.insertOpen(request(), T0)).toMatchObject({
        created: true,
      });
    });
  });
});
