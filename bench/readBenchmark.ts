/*
 * Read benchmark: the real backend (packages/backend) syncs the synthetic organisation from
 * the fake Identity Center into its database; then 50 concurrent connections request a
 * group's accounts from AWS Access and, in the same run, the same group from the catalog's
 * by-name route. Prints latency percentiles and throughput; asserts nothing.
 * Run: ./scripts/bench.sh read
 */
import { print } from './print';
import {
  CONNECTIONS,
  REQUESTS_PER_ROUND,
  ROUNDS,
  load,
  runBenchmark,
  sideBySide,
  startSyncedBackend,
  summarize,
  waitUntil,
} from './backendLoad';

const PORT = 7117;

async function main() {
  const {
    base: BASE,
    org,
    token,
    headers,
    stop,
  } = await startSyncedBackend(PORT);
  try {
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
    const { ours: a, catalog: c } = await sideBySide(ours, catalog, token);
    const systemRuns = [];
    for (let round = 0; round < ROUNDS; round++) {
      systemRuns.push(
        await load(systemUrl, token, REQUESTS_PER_ROUND, CONNECTIONS),
      );
    }
    const sys = summarize(systemRuns);
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
    await stop();
  }
}

runBenchmark(main);
