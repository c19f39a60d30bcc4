/*
 * Lookup benchmark: the real backend syncs the 1,000-account synthetic organisation from
 * the fake Identity Center; then 50 concurrent connections look accounts up (by id, by an
 * ARN, by part of a name, by permission set, and an account's details) and, in the same
 * run, load a group from the catalog's by-name route. Prints latency percentiles; asserts
 * nothing. Run: ./scripts/bench.sh lookup
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
  waitUntil,
} from './backendLoad';

const PORT = 7118;
/** Distinct lookups taken in turn, so that the run covers many accounts and queries. */
const DISTINCT_LOOKUPS = 200;

async function main() {
  const { base, org, token, headers, stop } = await startSyncedBackend(PORT);
  try {
    const api = `${base}/api/aws-access`;
    const lookups = Array.from({ length: DISTINCT_LOOKUPS }, (_, i) => {
      const account = org.accounts[(i * 37) % org.accounts.length];
      const role = org.permissionSets[i % org.permissionSets.length];
      const byKind = [
        `${api}/accounts?query=${account.id}`,
        `${api}/accounts?query=${encodeURIComponent(
          `arn:aws:iam::${account.id}:role/Deploy`,
        )}`,
        `${api}/accounts?query=${encodeURIComponent(
          account.name.split('-')[0],
        )}`,
        `${api}/accounts?query=${encodeURIComponent(role.name)}`,
        `${api}/accounts/${account.id}`,
      ];
      return byKind[i % byKind.length];
    });
    const catalog = `${base}/api/catalog/entities/by-name/group/default/group-0`;
    await waitUntil(
      'the catalog entity',
      async () => (await fetch(catalog, { headers })).ok,
    );

    // Warm both paths, then alternate rounds so both see the same machine state.
    await load(lookups, token, 300, CONNECTIONS);
    await load(catalog, token, 300, CONNECTIONS);
    const { ours: a, catalog: c } = await sideBySide(lookups, catalog, token);
    print(
      `setup lookups=${DISTINCT_LOOKUPS} connections=${CONNECTIONS} requests_each=${
        REQUESTS_PER_ROUND * ROUNDS
      } rps=${a.rps.toFixed(0)} catalog_rps=${c.rps.toFixed(0)} failures=${
        a.failures + c.failures
      }`,
    );
    print(
      `lookup accounts=${org.accounts.length} p50_ms=${a.p50.toFixed(
        1,
      )} p99_ms=${a.p99.toFixed(1)} catalog_p99_ms=${c.p99.toFixed(
        1,
      )} p99_ratio=${(a.p99 / c.p99).toFixed(3)}`,
    );
  } finally {
    await stop();
  }
}

runBenchmark(main);
