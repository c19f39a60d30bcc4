import {
  FakeIdentityCenter,
  generateOrg,
} from '@aws-access/fake-identity-center';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { DEFAULT_ORGANIZATION_ID } from '@aws-access/backstage-plugin-aws-access-common';
import { SnapshotStore } from '../snapshot/SnapshotStore';
import { SyncStatusStore } from '../snapshot/SyncStatusStore';
import { IdentityCenterReader } from './IdentityCenterReader';
import { IdentityCenterSync } from './IdentityCenterSync';
import { IncrementalRefresh } from './IncrementalRefresh';
import { IdentityCenterSettings } from './settings';

const credentials = async () => ({
  accessKeyId: 'AKIAFAKEFAKEFAKE',
  secretAccessKey: 'fake-secret',
});

const databases = TestDatabases.create({
  ids: ['SQLITE_3'],
  disableDocker: true,
});

jest.setTimeout(60_000);

describe('IncrementalRefresh against the fake over HTTP', () => {
  let fake: FakeIdentityCenter;
  let refresh: IncrementalRefresh | undefined;

  afterEach(async () => {
    refresh?.stop();
    await refresh?.whenIdle();
    await fake?.stop();
  });

  /** A synced store, and a refresh that reads from the same fake. */
  async function setUp(onChange?: () => void) {
    const org = generateOrg({
      accounts: 30,
      permissionSets: 4,
      groups: 12,
      assignments: 120,
    });
    fake = await FakeIdentityCenter.start(org);
    const settings: IdentityCenterSettings = {
      region: 'eu-north-1',
      organizationsRegion: 'us-east-1',
      requestsPerSecond: 20,
      organizationsRequestsPerSecond: 10,
      concurrency: 4,
      maxAttempts: 8,
      instanceArn: org.instanceArn,
      identityStoreId: org.identityStoreId,
      endpoints: {
        ssoAdmin: fake.url,
        identityStore: fake.url,
        organizations: fake.url,
      },
    };
    const knex = await databases.init('SQLITE_3');
    const database = mockServices.database({
      knex,
      migrations: { skip: false },
    });
    const store = await SnapshotStore.create(database, {
      organization: DEFAULT_ORGANIZATION_ID,
    });
    const syncStatus = await SyncStatusStore.create(database, {
      organization: DEFAULT_ORGANIZATION_ID,
    });
    const reader = new IdentityCenterReader(settings, credentials);
    const logger = mockServices.logger.mock();
    await new IdentityCenterSync(reader, store, syncStatus, logger).run();
    fake.resetCalls();
    refresh = new IncrementalRefresh({
      reader,
      store,
      syncStatus,
      logger,
      settleMs: 50,
      recheckMs: 100,
      maxRechecks: 5,
      onChange,
    });
    return { org, store, syncStatus, refresh, logger };
  }

  const assignmentsOf = async (store: SnapshotStore, principalId: string) =>
    (await store.getSnapshot())!.assignments
      .filter(a => a.principalId === principalId)
      .map(a => `${a.accountId}/${a.permissionSetName}`)
      .sort();

  it('reads a principal again until its in-progress assignment shows', async () => {
    const changed = jest.fn();
    const { org, store, syncStatus } = await setUp(changed);
    const group = org.groups[0];
    const created = {
      accountId: org.accounts[29].id,
      permissionSetArn: org.permissionSets[3].arn,
      principalType: 'GROUP' as const,
      principalId: group.id,
    };
    const before = await assignmentsOf(store, group.id);
    // AWS answers CreateAccountAssignment with IN_PROGRESS; the assignment lands later.
    setTimeout(() => org.assignments.push(created), 250);
    refresh!.request(
      {
        kind: 'principal',
        principalType: 'GROUP',
        principalId: group.id,
        expect: {
          accountId: created.accountId,
          permissionSetArn: created.permissionSetArn,
          present: true,
        },
      },
      new Date(Date.now() - 2000),
    );
    await new Promise(r => setTimeout(r, 100));
    await refresh!.whenIdle();

    expect(await assignmentsOf(store, group.id)).toEqual(
      [...before, `${created.accountId}/${org.permissionSets[3].name}`].sort(),
    );
    expect(fake.calls.ListAccountAssignmentsForPrincipal).toBeGreaterThan(1);
    expect(Object.keys(fake.calls).sort()).toEqual([
      'ListAccountAssignmentsForPrincipal',
    ]);
    expect(changed).toHaveBeenCalledTimes(1);
    expect(
      (await syncStatus.getStatus()).lastChangeLagMs,
    ).toBeGreaterThanOrEqual(2000);
  });

  it('coalesces a burst into one listing per principal', async () => {
    const { org, store } = await setUp();
    const groups = org.groups.slice(0, 10);
    const arn = org.permissionSets[0].arn;
    for (const group of groups) {
      org.assignments = org.assignments.filter(
        a => !(a.principalId === group.id && a.permissionSetArn === arn),
      );
    }
    for (const group of groups) {
      for (const account of org.accounts) {
        org.assignments.push({
          accountId: account.id,
          permissionSetArn: arn,
          principalType: 'GROUP',
          principalId: group.id,
        });
        refresh!.request({
          kind: 'principal',
          principalType: 'GROUP',
          principalId: group.id,
          expect: {
            accountId: account.id,
            permissionSetArn: arn,
            present: true,
          },
        });
      }
    }
    await new Promise(r => setTimeout(r, 100));
    await refresh!.whenIdle();

    expect(fake.calls).toEqual({ ListAccountAssignmentsForPrincipal: 10 });

    // Late copies of the same events (SQS delivers at least once) cost nothing more...
    refresh!.request({
      kind: 'principal',
      principalType: 'GROUP',
      principalId: groups[0].id,
      expect: {
        accountId: org.accounts[0].id,
        permissionSetArn: arn,
        present: true,
      },
    });
    // ...but an event the last listing does not show yet is read.
    refresh!.request({
      kind: 'principal',
      principalType: 'GROUP',
      principalId: groups[1].id,
      expect: {
        accountId: org.accounts[0].id,
        permissionSetArn: arn,
        present: false,
      },
    });
    await new Promise(r => setTimeout(r, 100));
    await refresh!.whenIdle();
    // The duplicate: no listing. The unseen removal: a listing and its five rechecks.
    expect(fake.calls.ListAccountAssignmentsForPrincipal).toBe(10 + 1 + 5);
    for (const group of groups) {
      const held = await assignmentsOf(store, group.id);
      expect(
        held.filter(h => h.endsWith(`/${org.permissionSets[0].name}`)),
      ).toHaveLength(org.accounts.length);
    }
  });

  it('reads the groups and the permission set of an assignment it does not know', async () => {
    const { org, store } = await setUp();
    const permissionSet = {
      arn: `${org.permissionSets[0].arn}-new`,
      name: 'BreakGlass',
    };
    org.permissionSets.push(permissionSet);
    org.groups.push({ id: 'g-new', displayName: 'Incident responders' });
    org.assignments.push({
      accountId: org.accounts[0].id,
      permissionSetArn: permissionSet.arn,
      principalType: 'GROUP',
      principalId: 'g-new',
    });
    refresh!.request({
      kind: 'principal',
      principalType: 'GROUP',
      principalId: 'g-new',
    });
    await new Promise(r => setTimeout(r, 100));
    await refresh!.whenIdle();

    const snapshot = (await store.getSnapshot())!;
    expect(snapshot.groups.map(g => g.displayName)).toContain(
      'Incident responders',
    );
    expect(snapshot.permissionSets.map(p => p.name)).toContain('BreakGlass');
    expect(await assignmentsOf(store, 'g-new')).toEqual([
      `${org.accounts[0].id}/BreakGlass`,
    ]);
  });

  it('removes a deleted permission set and a closed account', async () => {
    const { org, store } = await setUp();
    const [gone] = org.permissionSets.splice(3, 1);
    org.assignments = org.assignments.filter(
      a => a.permissionSetArn !== gone.arn,
    );
    const [closed] = org.accounts.splice(0, 1);
    refresh!.request({ kind: 'permissionSet', arn: gone.arn });
    refresh!.request({ kind: 'accounts' });
    await new Promise(r => setTimeout(r, 100));
    await refresh!.whenIdle();

    const snapshot = (await store.getSnapshot())!;
    expect(snapshot.permissionSets.map(p => p.name)).not.toContain(gone.name);
    expect(snapshot.permissionSets).toHaveLength(3);
    expect(snapshot.accounts.map(a => a.id)).not.toContain(closed.id);
    expect(snapshot.accounts).toHaveLength(29);
  });

  it('ignores direct assignments of users the catalog does not have', async () => {
    const { store } = await setUp();
    const before = await store.getSnapshot();
    refresh!.request({
      kind: 'principal',
      principalType: 'USER',
      principalId: 'u-stranger',
    });
    await new Promise(r => setTimeout(r, 100));
    await refresh!.whenIdle();
    expect(fake.calls).toEqual({});
    expect(await store.getSnapshot()).toEqual(before);
  });
});
