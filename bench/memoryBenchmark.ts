/*
 * Memory benchmark: the production build of the backend (the bundle `yarn build:backend`
 * makes, built by scripts/bench.sh) synced from the fake Identity Center at 5,000
 * accounts, 200 permission sets, 2,000 groups and 40,000 assignments, then fed 1,000
 * assignment events through the SQS-compatible server. Prints the backend process's
 * resident memory after the first sync and after the events, the heap it uses, and what
 * the same build holds with the small example organisation; then where the heap's bytes
 * are, from a heap snapshot. Asserts nothing. Run: ./scripts/bench.sh memory
 * (MEMORY_NODE_ARGS adds arguments to the backend's node, MEMORY_HEAP_SNAPSHOT=0 skips the snapshot)
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import {
  FakeIdentityCenter,
  generateOrg,
} from '@aws-access/fake-identity-center';
import { HeapSnapshotJson, heapSummary } from '@aws-access/soak';
import { BackendInstance } from '../e2e/support/backendInstance';
import {
  SQLITE_IN_MEMORY_OVERLAY,
  catalogFileOverlay,
  identityCenterOverlay,
  sqsEventsOverlay,
} from '../e2e/support/backendOverlays';
import { assignmentEventBody, createQueue } from '../e2e/support/liveEvents';
import { backendBundleDir } from './backendBundle';
import { groupEntities } from './benchmarkOrg';
import { Inspector, rssMb } from './inspector';
import { print } from './print';

const PORT = 7610;
const INSPECTOR_PORT = 9610;
const SHAPE = {
  accounts: 5000,
  permissionSets: 200,
  groups: 2000,
  assignments: 40000,
};
/** 1,000 events: two new assignments for each of 500 groups. */
const EVENT_GROUPS = 500;
const EVENTS_PER_GROUP = 2;
/** Time for the backend to settle (search collators, caches) before a reading. */
const SETTLE_MS = 30_000;

const HEAP_SNAPSHOTS = process.env.MEMORY_HEAP_SNAPSHOT !== '0';
const MB = 1024 * 1024;
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
const mb = (bytes: number) => (bytes / MB).toFixed(0);

async function waitFor(
  what: string,
  timeoutMs: number,
  probe: () => Promise<boolean>,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await sleep(1000);
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/** Starts the built backend with an inspector port; `stop` ends it. */
async function startBackend(bundleDir: string, ...overlays: string[]) {
  const backend = BackendInstance.startBuilt(
    bundleDir,
    PORT,
    [
      `--inspect=127.0.0.1:${INSPECTOR_PORT}`,
      // e.g. MEMORY_NODE_ARGS=--max-old-space-size=256, to see what a heap limit does.
      ...(process.env.MEMORY_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
    ],
    ...overlays,
  );
  process.on('exit', () => backend.kill());
  await backend.waitUntilHealthy(600_000);
  const inspector = await Inspector.connect(INSPECTOR_PORT);
  return {
    backend,
    inspector,
    stop: async () => {
      inspector.close();
      await backend.stop();
    },
  };
}

/** The same build with app-config.yaml's small static organisation: what Backstage itself holds. */
async function baseline(bundleDir: string, dir: string) {
  const { backend, inspector, stop } = await startBackend(bundleDir);
  await sleep(SETTLE_MS);
  const rss = rssMb(backend.pid);
  await inspector.collectGarbage();
  const live = await inspector.heapUsedBytes();
  const rssAfterGc = rssMb(backend.pid);
  const heap = HEAP_SNAPSHOTS
    ? await heapKinds(inspector, join(dir, 'baseline.heapsnapshot'))
    : undefined;
  await stop();
  print(
    `baseline source=static rss_mb=${rss.toFixed(
      0,
    )} rss_after_gc_mb=${rssAfterGc.toFixed(0)} heap_live_mb=${mb(live)}`,
  );
  return heap;
}

/** A heap snapshot written to `file` and summed up by kind of object. */
async function heapKinds(inspector: Inspector, file: string) {
  await inspector.writeHeapSnapshot(file);
  return heapSummary(
    JSON.parse(readFileSync(file, 'utf8')) as HeapSnapshotJson,
    Infinity,
  );
}

async function main() {
  const sqsUrl = process.env.AWS_ACCESS_TEST_SQS_URL;
  if (!sqsUrl) {
    throw new Error('AWS_ACCESS_TEST_SQS_URL is set by scripts/bench.sh');
  }
  const bundleDir = backendBundleDir();
  const dir = mkdtempSync(join(tmpdir(), 'aws-access-memory-'));
  const baselineHeap = await baseline(bundleDir, dir);

  process.env.AWS_ACCESS_KEY_ID = 'AKIAFAKEBENCH';
  process.env.AWS_SECRET_ACCESS_KEY = 'fake';
  const sqs = new SQSClient({ region: 'eu-north-1', endpoint: sqsUrl });
  const { queueUrl } = await createQueue(
    sqs,
    `aws-access-memory-${Date.now()}`,
  );
  const org = generateOrg(SHAPE);
  const fake = await FakeIdentityCenter.start(org, {
    ssoAdminRequestsPerSecond: 20,
    organizationsRequestsPerSecond: 10,
  });
  writeFileSync(
    join(dir, 'groups.yaml'),
    `${groupEntities(SHAPE.groups).join('\n---\n')}\n`,
  );
  const { backend, inspector, stop } = await startBackend(
    bundleDir,
    SQLITE_IN_MEMORY_OVERLAY,
    catalogFileOverlay(join(dir, 'groups.yaml')),
    identityCenterOverlay(fake.url, {
      accessKeyId: 'AKIAFAKEBENCH',
      instance: org,
      schedule:
        '{ frequency: { hours: 6 }, timeout: { minutes: 15 }, initialDelay: { seconds: 0 } }',
      events: '{ enabled: true }',
    }),
    sqsEventsOverlay(queueUrl, sqsUrl),
  );
  try {
    const headers = {
      authorization: `Bearer ${await backend.guestToken()}`,
    };
    const api = (path: string) =>
      fetch(`${backend.baseUrl}/api/aws-access${path}`, { headers });
    const assignmentsServed = async () =>
      (
        (await (await api('/status')).json()) as {
          organizations: Array<{ counts?: { assignments: number } }>;
        }
      ).organizations[0]?.counts?.assignments;
    // The sync is done once the health route answers; the catalog has read every group
    // once the last one resolves.
    await waitFor(
      'the catalog',
      600_000,
      async () =>
        (
          await api(
            `/entities/group/default/group-${SHAPE.groups - 1}/accounts`,
          )
        ).ok,
    );
    await sleep(SETTLE_MS);
    const rssAfterSync = rssMb(backend.pid);

    // New assignments only, so the served count tells when all are in.
    const held = new Set(
      org.assignments.map(
        a => `${a.principalId}|${a.accountId}|${a.permissionSetArn}`,
      ),
    );
    const changes = org.groups
      .slice(1, 1 + EVENT_GROUPS)
      .flatMap((group, g) => {
        const made = [];
        for (let k = 0; made.length < EVENTS_PER_GROUP; k++) {
          const change = {
            accountId: org.accounts[(g * 7 + k * 13) % org.accounts.length].id,
            permissionSetArn: org.permissionSets[(g + k) % 7].arn,
            principalType: 'GROUP' as const,
            principalId: group.id,
          };
          const key = `${group.id}|${change.accountId}|${change.permissionSetArn}`;
          if (!held.has(key)) {
            held.add(key);
            made.push(change);
          }
        }
        return made;
      });
    org.assignments.push(...changes);
    for (let i = 0; i < changes.length; i += 10) {
      await sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: changes.slice(i, i + 10).map((c, j) => ({
            Id: String(j),
            MessageBody: assignmentEventBody('CreateAccountAssignment', {
              instanceArn: org.instanceArn,
              ...c,
            }),
          })),
        }),
      );
    }
    await waitFor(
      'the events to reach the snapshot',
      900_000,
      async () => (await assignmentsServed()) === org.assignments.length,
    );
    await sleep(SETTLE_MS);
    const rssAfterEvents = rssMb(backend.pid);
    const heapUsed = await inspector.heapUsedBytes();
    await inspector.collectGarbage();
    const heapLive = await inspector.heapUsedBytes();
    const rssAfterGc = rssMb(backend.pid);

    print(
      `events=${changes.length} heap_live_mb=${mb(
        heapLive,
      )} rss_after_gc_mb=${rssAfterGc.toFixed(0)}`,
    );
    print(
      `memory accounts=${SHAPE.accounts} groups=${SHAPE.groups} assignments=${
        SHAPE.assignments
      } rss_after_sync_mb=${rssAfterSync.toFixed(
        0,
      )} rss_after_events_mb=${rssAfterEvents.toFixed(0)} heap_used_mb=${mb(
        heapUsed,
      )}`,
    );

    if (HEAP_SNAPSHOTS) {
      const file = join(dir, 'backend.heapsnapshot');
      const { totalBytes, groups: kinds } = await heapKinds(inspector, file);
      const before = new Map(
        baselineHeap?.groups.map(k => [k.name, k.selfBytes]),
      );
      print(
        `heap_snapshot file=${file} self_total_mb=${mb(
          totalBytes,
        )} baseline_self_total_mb=${mb(baselineHeap?.totalBytes ?? 0)}`,
      );
      for (const kind of kinds.slice(0, 12)) {
        print(
          `heap ${kind.name} count=${kind.count} self_mb=${(
            kind.selfBytes / MB
          ).toFixed(1)} baseline_self_mb=${(
            (before.get(kind.name) ?? 0) / MB
          ).toFixed(1)}`,
        );
      }
    }
  } finally {
    await stop();
    await fake.stop();
  }
}

main().then(
  () => process.exit(0),
  error => {
    process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
    process.exit(1);
  },
);
