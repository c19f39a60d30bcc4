/*
 * Read benchmark: the real backend (packages/backend) syncs the synthetic organisation from
 * the fake Identity Center into its database; then 50 concurrent connections request a
 * group's accounts from AWS Access and, in the same run, the same group from the catalog's
 * by-name route. Prints latency percentiles and throughput; asserts nothing.
 * Run: ./scripts/bench.sh read
 */
import { benchmarkOrg, groupEntities } from './benchmarkOrg';
import { print } from './print';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeIdentityCenter } from '@aws-access/fake-identity-center';
import { BackendInstance } from '../e2e/support/backendInstance';

const PORT = 7117;
const BASE = `http://localhost:${PORT}`;
const CONNECTIONS = 50;
const REQUESTS_PER_ROUND = 2000;
const ROUNDS = 3;

/** Backend config on top of app-config.yaml: the fake as Identity Center, a catalog of groups. */
function benchConfig(fakeUrl: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'aws-access-bench-'));
  const groups = groupEntities(11);
  // A System of 50 Components owned by ten teams (group-1 to group-10).
  const system = [
    'apiVersion: backstage.io/v1alpha1',
    'kind: System',
    'metadata:',
    '  name: bench-system',
    'spec:',
    '  owner: group-1',
  ].join('\n');
  const components = Array.from({ length: 50 }, (_, i) =>
    [
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata:',
      `  name: bench-component-${i}`,
      'spec:',
      '  type: service',
      '  lifecycle: production',
      `  owner: group-${1 + (i % 10)}`,
      '  system: bench-system',
    ].join('\n'),
  );
  const entities = [...groups, system, ...components].join('\n---\n');
  writeFileSync(join(dir, 'entities.yaml'), `${entities}\n`);
  return `  database: { client: better-sqlite3, connection: ':memory:' }
aws:
  mainAccount: { accessKeyId: AKIAFAKEBENCH, secretAccessKey: fake }
catalog:
  locations:
    - type: file
      target: ${join(dir, 'entities.yaml')}
awsAccess:
  source: identityCenter
  identityCenter:
    endpoints: { ssoAdmin: ${fakeUrl}, identityStore: ${fakeUrl}, organizations: ${fakeUrl} }
    schedule: { frequency: { hours: 1 }, timeout: { minutes: 5 }, initialDelay: { seconds: 0 } }
`;
}

async function waitUntil(what: string, probe: () => Promise<boolean>) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/** Sends `total` GETs over `connections` concurrent loops; returns latencies in ms and wall time. */
async function load(
  url: string,
  token: string,
  total: number,
  connections: number,
) {
  const latencies: number[] = [];
  let sent = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (sent < total) {
        sent++;
        const t0 = performance.now();
        const res = await fetch(url, {
          headers: { authorization: `Bearer ${token}` },
        });
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (res.status !== 200) failures++;
      }
    }),
  );
  return { latencies, wallMs: performance.now() - started, failures };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

function summarize(
  runs: Array<{ latencies: number[]; wallMs: number; failures: number }>,
) {
  const all = runs.flatMap(r => r.latencies).sort((a, b) => a - b);
  const wallMs = runs.reduce((s, r) => s + r.wallMs, 0);
  return {
    p50: percentile(all, 50),
    p99: percentile(all, 99),
    rps: (all.length / wallMs) * 1000,
    failures: runs.reduce((s, r) => s + r.failures, 0),
  };
}

async function main() {
  const org = benchmarkOrg();
  const fake = await FakeIdentityCenter.start(org);
  const backend = BackendInstance.start(PORT, benchConfig(fake.url));
  const stop = () => backend.kill();
  process.on('exit', stop);
  try {
    await backend.waitUntilHealthy(180_000);
    const token = await backend.guestToken();
    const headers = { authorization: `Bearer ${token}` };
    await waitUntil('the first sync', async () => {
      const status = (await (
        await fetch(`${BASE}/api/aws-access/status`, { headers })
      ).json()) as {
        lastSuccessAt?: string;
      };
      return Boolean(status.lastSuccessAt);
    });
    const ours = `${BASE}/api/aws-access/entities/group/default/group-0/accounts`;
    const catalog = `${BASE}/api/catalog/entities/by-name/group/default/group-0`;
    await waitUntil(
      'the catalog entity',
      async () => (await fetch(catalog, { headers })).ok,
    );
    const sample = (await (await fetch(ours, { headers })).json()) as {
      accounts: unknown[];
    };

    // Warm both paths, then alternate rounds so both see the same machine state.
    await load(ours, token, 300, CONNECTIONS);
    await load(catalog, token, 300, CONNECTIONS);
    const partsReady = async () => {
      const res = await fetch(
        `${BASE}/api/catalog/entities/by-name/system/default/bench-system`,
        { headers },
      );
      if (!res.ok) return false;
      const entity = (await res.json()) as {
        relations?: Array<{ type: string }>;
      };
      return (
        (entity.relations ?? []).filter(r => r.type === 'hasPart').length === 50
      );
    };
    const systemUrl = `${BASE}/api/aws-access/entities/system/default/bench-system/accounts`;
    await waitUntil('the system with its 50 parts', async () => {
      const body = (await (await fetch(systemUrl, { headers })).json()) as {
        accounts?: unknown[];
      };
      return (body.accounts?.length ?? 0) > 0 && (await partsReady());
    });
    const systemSample = (await (
      await fetch(systemUrl, { headers })
    ).json()) as {
      accounts: unknown[];
    };
    await load(systemUrl, token, 300, CONNECTIONS);
    const systemRuns = [];
    const oursRuns = [];
    const catalogRuns = [];
    for (let round = 0; round < ROUNDS; round++) {
      oursRuns.push(await load(ours, token, REQUESTS_PER_ROUND, CONNECTIONS));
      catalogRuns.push(
        await load(catalog, token, REQUESTS_PER_ROUND, CONNECTIONS),
      );
    }
    for (let round = 0; round < ROUNDS; round++) {
      systemRuns.push(
        await load(systemUrl, token, REQUESTS_PER_ROUND, CONNECTIONS),
      );
    }
    const sys = summarize(systemRuns);
    const a = summarize(oursRuns);
    const c = summarize(catalogRuns);
    print(
      `setup org_assignments=${org.assignments.length} group_accounts=${sample.accounts.length} ` +
        `connections=${CONNECTIONS} requests_each=${
          REQUESTS_PER_ROUND * ROUNDS
        } failures=${a.failures + c.failures}`,
    );
    print(
      `system parts=50 teams=10 accounts=${systemSample.accounts.length} ` +
        `p50_ms=${sys.p50.toFixed(1)} p99_ms=${sys.p99.toFixed(
          1,
        )} rps=${sys.rps.toFixed(0)} ` +
        `group_p99_ms=${a.p99.toFixed(1)} failures=${sys.failures}`,
    );
    print(
      `read p50_ms=${a.p50.toFixed(1)} p99_ms=${a.p99.toFixed(
        1,
      )} rps=${a.rps.toFixed(0)} ` +
        `catalog_p99_ms=${c.p99.toFixed(1)} catalog_rps=${c.rps.toFixed(
          0,
        )} p99_ratio=${(a.p99 / c.p99).toFixed(3)}`,
    );
  } finally {
    stop();
    await fake.stop();
  }
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
