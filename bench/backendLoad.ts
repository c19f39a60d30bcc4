/*
 * What the backend benchmarks share: a backend on the synthetic organisation synced from
 * the fake Identity Center, a catalog of groups, and a load generator over 50 connections.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeIdentityCenter } from '@aws-access/fake-identity-center';
import { BackendInstance } from '../e2e/support/backendInstance';
import {
  SQLITE_IN_MEMORY_OVERLAY,
  catalogFileOverlay,
  identityCenterOverlay,
} from '../e2e/support/backendOverlays';
import { benchmarkOrg, groupEntities } from './benchmarkOrg';

export const CONNECTIONS = 50;
export const REQUESTS_PER_ROUND = 2000;
export const ROUNDS = 3;

/** Backend config on top of app-config.yaml: the fake as Identity Center, a catalog of groups. */
function benchConfig(fakeUrl: string): string[] {
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
  return [
    SQLITE_IN_MEMORY_OVERLAY,
    catalogFileOverlay(join(dir, 'entities.yaml')),
    identityCenterOverlay(fakeUrl, {
      accessKeyId: 'AKIAFAKEBENCH',
      schedule:
        '{ frequency: { hours: 1 }, timeout: { minutes: 5 }, initialDelay: { seconds: 0 } }',
    }),
  ];
}

export async function waitUntil(what: string, probe: () => Promise<boolean>) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/**
 * Sends `total` GETs over `connections` concurrent loops, taking the URLs in turn; returns
 * latencies in ms and wall time.
 */
export async function load(
  urls: string | string[],
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
        const url = typeof urls === 'string' ? urls : urls[sent % urls.length];
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

export function summarize(
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

/**
 * Starts the fake Identity Center with the benchmark organisation and the backend on
 * `port`, waits for the first sync and returns what a benchmark needs; `stop` ends both.
 */
export async function startSyncedBackend(port: number) {
  const base = `http://localhost:${port}`;
  const org = benchmarkOrg();
  const fake = await FakeIdentityCenter.start(org);
  const backend = BackendInstance.start(port, ...benchConfig(fake.url));
  const stop = async () => {
    backend.kill();
    await fake.stop();
  };
  process.on('exit', () => backend.kill());
  try {
    await backend.waitUntilHealthy(180_000);
    const token = await backend.guestToken();
    const headers = { authorization: `Bearer ${token}` };
    await waitUntil('the first sync', async () => {
      const status = (await (
        await fetch(`${base}/api/aws-access/status`, { headers })
      ).json()) as {
        organizations?: Array<{ lastSuccessAt?: string }>;
      };
      return Boolean(status.organizations?.[0]?.lastSuccessAt);
    });
    return { base, org, token, headers, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Loads our URLs and the catalog's in alternating rounds, so that both see the same
 * machine state, and summarises each side.
 */
export async function sideBySide(
  ours: string | string[],
  catalog: string,
  token: string,
) {
  const oursRuns = [];
  const catalogRuns = [];
  for (let round = 0; round < ROUNDS; round++) {
    oursRuns.push(await load(ours, token, REQUESTS_PER_ROUND, CONNECTIONS));
    catalogRuns.push(
      await load(catalog, token, REQUESTS_PER_ROUND, CONNECTIONS),
    );
  }
  return { ours: summarize(oursRuns), catalog: summarize(catalogRuns) };
}

/** Runs a benchmark's main function and exits with its outcome. */
export function runBenchmark(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    error => {
      process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
      process.exit(1);
    },
  );
}
