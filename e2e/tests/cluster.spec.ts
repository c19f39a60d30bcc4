import { expect, test } from '@playwright/test';
import {
  FakeIdentityCenter,
  generateOrg,
} from '@aws-access/fake-identity-center';
import { Client } from 'pg';
import { BackendInstance } from '../support/backendInstance';
import {
  identityCenterOverlay,
  postgresOverlay,
} from '../support/backendOverlays';

/*
 * Two backend processes on one PostgreSQL database and one fake Identity Center: the
 * scheduler lets one of them sync per interval, both serve the same snapshot, and killing
 * the syncing instance mid-sync leaves the served data whole.
 */

const FREQUENCY_S = 3;
const postgresUrl = process.env.AWS_ACCESS_TEST_POSTGRES_URL;
const prefix = `awsaccess_cluster_${Date.now()}_`;

function overlays(fakeUrl: string, accessKeyId: string) {
  return [
    postgresOverlay(postgresUrl!, prefix),
    identityCenterOverlay(fakeUrl, {
      accessKeyId,
      maxAttempts: 2,
      schedule: `{ frequency: { seconds: ${FREQUENCY_S} }, timeout: { seconds: 8 }, initialDelay: { seconds: 0 } }`,
    }),
  ];
}

/** Each sync starts with one ListInstances call. */
const syncStarts = (fake: FakeIdentityCenter, since = 0) =>
  fake.log.filter(e => e.operation === 'ListInstances' && e.at >= since);

test.describe('two backend instances on one PostgreSQL database', () => {
  test.setTimeout(480_000);
  let fake: FakeIdentityCenter;
  let instances: BackendInstance[] = [];

  test.afterAll(async () => {
    instances.forEach(i => i.kill());
    await fake?.stop();
  });

  test('sync once per interval, serve one snapshot, survive a kill mid-sync', async () => {
    expect(
      postgresUrl,
      'AWS_ACCESS_TEST_POSTGRES_URL is set by scripts/test.sh',
    ).toBeTruthy();
    const org = generateOrg({
      accounts: 30,
      permissionSets: 8,
      groups: 12,
      assignments: 90,
    });
    fake = await FakeIdentityCenter.start(structuredClone(org));
    // One after the other: the first creates the databases, the second joins them.
    instances = [
      BackendInstance.start(7201, ...overlays(fake.url, 'AKIAINSTANCEA')),
    ];
    await instances[0].waitUntilHealthy();
    instances.push(
      BackendInstance.start(7202, ...overlays(fake.url, 'AKIAINSTANCEB')),
    );
    await instances[1].waitUntilHealthy();
    const tokens = await Promise.all(instances.map(i => i.guestToken()));
    const get = (i: number, path: string) =>
      fetch(`${instances[i].baseUrl}/api/aws-access${path}`, {
        headers: { authorization: `Bearer ${tokens[i]}` },
      });

    await expect
      .poll(
        async () =>
          (
            await (await get(1, '/status')).json()
          ).organizations[0].lastSuccessAt,
        { timeout: 60_000 },
      )
      .toBeTruthy();

    // Watch a few intervals: syncs are spaced by the frequency, never two at once.
    const windowStart = Date.now();
    await new Promise(r => setTimeout(r, 4 * FREQUENCY_S * 1000));
    const starts = syncStarts(fake, windowStart);
    expect(starts.length).toBeGreaterThanOrEqual(2);
    expect(starts.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < starts.length; i++) {
      expect(starts[i].at - starts[i - 1].at).toBeGreaterThan(
        FREQUENCY_S * 1000 * 0.8,
      );
    }
    const keysPerSync = starts.map(s => {
      const next =
        fake.log.find(e => e.operation === 'ListInstances' && e.at > s.at)
          ?.at ?? Infinity;
      return new Set(
        fake.log
          .filter(e => e.at >= s.at && e.at < next)
          .map(e => e.accessKeyId),
      );
    });
    expect(keysPerSync.every(keys => keys.size === 1)).toBe(true);

    // Both instances serve the same snapshot.
    const status = await Promise.all(
      [0, 1].map(async i => (await get(i, '/status')).json()),
    );
    const counts = status.map(s => s.organizations[0].counts);
    expect(counts[0]).toEqual(counts[1]);
    expect(counts[0].assignments).toBe(org.assignments.length);
    const snapshotSql = async () => {
      const client = new Client({
        connectionString: `${postgresUrl}/${prefix}aws-access`,
      });
      await client.connect();
      try {
        const { rows } = await client.query(
          "SELECT data FROM aws_access_snapshots WHERE organization = 'default'",
        );
        return rows.map(r => JSON.parse(r.data));
      } finally {
        await client.end();
      }
    };
    const before = await snapshotSql();
    expect(before).toHaveLength(1);
    expect(before[0].assignments).toHaveLength(org.assignments.length);

    // Slow the fake down and change the org, then kill whichever instance starts the next sync.
    // Change the org only between syncs, so that the next sync is the first to see it.
    await expect
      .poll(() => Date.now() - (fake.log[fake.log.length - 1]?.at ?? 0), {
        timeout: 30_000,
        intervals: [100],
      })
      .toBeGreaterThan(1000);
    fake.org.assignments = fake.org.assignments.slice(0, 40);
    fake.behaviour = { latencyMs: 400 };
    const killFrom = Date.now();
    await expect
      .poll(() => syncStarts(fake, killFrom).length, { timeout: 30_000 })
      .toBeGreaterThan(0);
    const victimKey = syncStarts(fake, killFrom)[0].accessKeyId;
    const victim = victimKey === 'AKIAINSTANCEA' ? 0 : 1;
    const survivor = 1 - victim;
    await new Promise(r => setTimeout(r, 600));
    instances[victim].kill();

    // The survivor keeps serving the complete old snapshot...
    const during = await (await get(survivor, '/status')).json();
    expect(during.organizations[0].counts.assignments).toBe(
      org.assignments.length,
    );
    expect(await snapshotSql()).toEqual(before);

    // ...and takes over the sync once the dead instance's claim times out.
    fake.behaviour = {};
    await expect
      .poll(
        async () =>
          (
            await (await get(survivor, '/status')).json()
          ).organizations?.[0]?.counts?.assignments,
        {
          timeout: 90_000,
        },
      )
      .toBe(40);
    const after = await snapshotSql();
    expect(after).toHaveLength(1);
    expect(after[0].assignments).toHaveLength(40);
    const survivorKey = survivor === 0 ? 'AKIAINSTANCEA' : 'AKIAINSTANCEB';
    expect(
      syncStarts(fake, killFrom).some(s => s.accessKeyId === survivorKey),
    ).toBe(true);
  });
});
