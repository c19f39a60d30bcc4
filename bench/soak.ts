/*
 * Soak: two instances of the production-built backend on PostgreSQL with events on, for
 * a set time (default 30 minutes; `--minutes 3` or SOAK_MINUTES for the short variant),
 * while a driver changes group assignments in the fake Identity Center at a steady rate
 * with bursts and sends the matching CloudTrail events to the queue. In the middle it
 * restarts PostgreSQL, takes the queue server away for a minute and has Identity Center
 * throttle. Throughout it calls the API of both instances and counts the answers by
 * status. At the end every group must show exactly the fake's truth on both instances,
 * the API must have answered only 200 or 503, and memory must not have grown 10 % after
 * the warm-up. Last line:
 *   soak minutes=M changes=C exact=E/T http_5xx_other_than_503=K rss_growth_pct=G max_lag_s=L
 * Run: ./scripts/soak.sh [--minutes M]. It restarts the local PostgreSQL cluster.
 */
import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { FakeIdentityCenter } from '@aws-access/fake-identity-center';
import {
  LagTracker,
  RssSample,
  StatusTally,
  applyChange,
  chaosPlan,
  changeSchedule,
  compareGroups,
  expectedRolesByGroup,
  pickChange,
  pickGroups,
  rssGrowthPct,
  shownRoles,
  soakFailures,
  soakLine,
  totalChanges,
  warmupMs,
} from '@aws-access/soak';
import { Client } from 'pg';
import { BackendInstance } from '../e2e/support/backendInstance';
import {
  catalogFileOverlay,
  identityCenterOverlay,
  postgresOverlay,
  sqsEventsOverlay,
} from '../e2e/support/backendOverlays';
import { assignmentEventBody, createQueue } from '../e2e/support/liveEvents';
import { backendBundleDir } from './backendBundle';
import { benchmarkOrg, groupEntities } from './benchmarkOrg';
import { rssKb } from './inspector';
import { print } from './print';

const BACKEND_PORTS = [7620, 7621];
const SQS_PORT = 9361;
const STEADY_PER_MINUTE = 20;
const BURST_SIZE = 50;
/** AWS's quotas, and what the fake allows while it throttles. */
const QUOTAS = {
  ssoAdminRequestsPerSecond: 20,
  organizationsRequestsPerSecond: 10,
};
const THROTTLED = { ...QUOTAS, ssoAdminRequestsPerSecond: 2 };
/** How long the end waits for the last changes to show before it checks every group. */
const CATCH_UP_MS = 5 * 60_000;

const repoRoot = resolve(__dirname, '..');
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
const run = promisify(execFile);

function minutesArgument(): number {
  const flag = process.argv.indexOf('--minutes');
  const value =
    flag >= 0 ? process.argv[flag + 1] : process.env.SOAK_MINUTES ?? '30';
  const minutes = Number(value);
  if (!Number.isFinite(minutes) || minutes < 1) {
    throw new Error(
      `--minutes must be a number of minutes, at least 1; got '${value}'`,
    );
  }
  return minutes;
}

/** fauxqs on a port of its own, its queues kept on disk so that a restart keeps them. */
class QueueServer {
  private child?: ChildProcess;

  constructor(private readonly port: number, private readonly dir: string) {}

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  private answers() {
    return fetch(this.url).then(
      () => true,
      () => false,
    );
  }

  async start() {
    // A server left on the port (an interrupted run) would take this one's place unseen.
    if (await this.answers()) {
      throw new Error(
        `Port ${this.port} is taken; the soak's queue server needs it`,
      );
    }
    const log = openSync(join(this.dir, 'fauxqs.log'), 'a');
    // fauxqs's own command-line entry ignores FAUXQS_DATA_DIR and logs every request.
    const options = JSON.stringify({
      port: this.port,
      host: 'localhost',
      logger: false,
      dataDir: this.dir,
    });
    this.child = spawn(
      process.execPath,
      [
        '--input-type=module',
        '--no-warnings',
        '-e',
        `import { startFauxqs } from 'fauxqs'; await startFauxqs(${options});`,
      ],
      { cwd: repoRoot, stdio: ['ignore', log, log] },
    );
    const child = this.child;
    process.on('exit', () => child.kill('SIGKILL'));
    for (let i = 0; i < 100 && child.exitCode === null; i++) {
      if (await this.answers()) return;
      await sleep(200);
    }
    throw new Error(`fauxqs did not start on port ${this.port}`);
  }

  async stop() {
    const child = this.child;
    if (child && child.exitCode === null) {
      const exited = new Promise(r => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(5000)]);
      child.kill('SIGKILL');
      await sleep(200);
    }
    if (await this.answers()) {
      throw new Error(
        `The queue server on port ${this.port} still answers after it was stopped`,
      );
    }
  }
}

/** The PostgreSQL cluster ensure_postgres started (scripts/lib/toolchain.sh). */
async function restartPostgres() {
  const { stdout } = await run('pg_lsclusters', ['--no-header']);
  const [version, cluster] = stdout.trim().split('\n')[0].split(/\s+/);
  await run('pg_ctlcluster', [version, cluster, 'restart']);
}

async function dropDatabases(url: string, prefix: string) {
  const client = new Client({ connectionString: `${url}/postgres` });
  await client.connect();
  const { rows } = await client.query<{ datname: string }>(
    'SELECT datname FROM pg_database WHERE datname LIKE $1',
    [`${prefix}%`],
  );
  for (const { datname } of rows) {
    await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
  await client.end();
}

async function main() {
  const minutes = minutesArgument();
  const postgresUrl = process.env.AWS_ACCESS_TEST_POSTGRES_URL;
  if (!postgresUrl) {
    throw new Error('AWS_ACCESS_TEST_POSTGRES_URL is set by scripts/soak.sh');
  }
  const durationMs = minutes * 60_000;
  const warmup = warmupMs(durationMs);
  const plan = chaosPlan(durationMs);
  const schedule = changeSchedule({
    durationMs,
    steadyPerMinute: STEADY_PER_MINUTE,
    burstEveryMs: durationMs / 6,
    burstSize: BURST_SIZE,
  });
  const dir = mkdtempSync(join(tmpdir(), 'aws-access-soak-'));
  let t0 = Date.now();
  const note = (message: string) =>
    process.stderr.write(
      `[soak ${((Date.now() - t0) / 1000)
        .toFixed(0)
        .padStart(5)} s] ${message}\n`,
    );
  note(`logs and data under ${dir}`);

  process.env.AWS_ACCESS_KEY_ID = 'AKIAFAKESOAK';
  process.env.AWS_SECRET_ACCESS_KEY = 'fake';
  const queueServer = new QueueServer(SQS_PORT, dir);
  await queueServer.start();
  const sqs = new SQSClient({
    region: 'eu-north-1',
    endpoint: queueServer.url,
    maxAttempts: 1,
  });
  const { queueUrl } = await createQueue(sqs, 'aws-access-soak');
  const org = benchmarkOrg();
  const fake = await FakeIdentityCenter.start(org, { ...QUOTAS });
  writeFileSync(
    join(dir, 'groups.yaml'),
    `${groupEntities(org.groups.length).join('\n---\n')}\n`,
  );
  // The ports are fixed, so one soak runs at a time: what an interrupted run left goes.
  await dropDatabases(postgresUrl, 'aws_access_soak_');
  const prefix = `aws_access_soak_${Date.now()}_`;
  const overlays = [
    postgresOverlay(postgresUrl, prefix),
    catalogFileOverlay(join(dir, 'groups.yaml')),
    identityCenterOverlay(fake.url, {
      accessKeyId: 'AKIAFAKESOAK',
      instance: org,
      // The default interval; the first sync at once.
      schedule:
        '{ frequency: { minutes: 30 }, timeout: { minutes: 15 }, initialDelay: { seconds: 0 } }',
      events: '{ enabled: true }',
    }),
    sqsEventsOverlay(queueUrl, queueServer.url),
  ];
  const bundleDir = backendBundleDir();
  // One after the other, as a rolling deployment starts them: two catalogs migrating a
  // new database at once fail on the migration lock.
  const backends: BackendInstance[] = [];
  process.on('exit', () => backends.forEach(b => b.kill()));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => process.exit(1));
  }
  for (const port of BACKEND_PORTS) {
    const backend = BackendInstance.startBuilt(
      bundleDir,
      port,
      [],
      ...overlays,
    );
    backends.push(backend);
    note(`backend on ${port}, log ${backend.logFile}`);
    await backend.waitUntilHealthy(600_000);
  }

  const tally = new StatusTally();
  const lag = new LagTracker();
  const rss: RssSample[][] = backends.map(() => []);
  let stopped = false;
  let changesMade = 0;
  const outbox: string[] = [];

  try {
    const tokens = await Promise.all(backends.map(b => b.guestToken()));
    const get = async (i: number, path: string, tallied = true) => {
      try {
        const res = await fetch(
          `${backends[i].baseUrl}/api/aws-access${path}`,
          {
            headers: { authorization: `Bearer ${tokens[i]}` },
            signal: AbortSignal.timeout(30_000),
          },
        );
        if (tallied) tally.record(res.status);
        return res;
      } catch {
        if (tallied) tally.record('error');
        return undefined;
      }
    };
    const rolesOf = async (i: number, group: string, tallied = true) => {
      const res = await get(
        i,
        `/entities/group/default/${group}/accounts`,
        tallied,
      );
      if (res?.status !== 200) return undefined;
      const body = (await res.json()) as {
        accounts: Array<{ id: string; roles: Array<{ name: string }> }>;
      };
      return shownRoles(body.accounts);
    };
    // The catalog of each instance has read the groups once the last one resolves.
    const last = org.groups[org.groups.length - 1].displayName;
    for (const i of backends.keys()) {
      while (!(await rolesOf(i, last, false))) await sleep(1000);
    }
    t0 = Date.now();
    note(
      `started: ${totalChanges(
        schedule,
      )} changes planned; PostgreSQL restarts at ${
        plan.restartPostgresAtMs / 1000
      } s, queue away ${plan.queueOutage.fromMs / 1000}-${
        plan.queueOutage.toMs / 1000
      } s, ` +
        `throttling ${plan.throttle.fromMs / 1000}-${
          plan.throttle.toMs / 1000
        } s`,
    );

    const names = new Map(org.permissionSets.map(p => [p.arn, p.name]));
    const driver = (async () => {
      for (const due of schedule) {
        await sleep(Math.max(0, t0 + due.atMs - Date.now()));
        const groups = pickGroups(
          org.groups.map(g => ({ id: g.displayName, groupId: g.id })),
          lag.busyGroups,
          due.count,
          Math.random,
        );
        for (const { id: group, groupId } of groups) {
          const change = pickChange(fake.org, groupId, Math.random);
          applyChange(fake.org, change);
          const { assignment } = change;
          lag.track({
            group,
            role: `${assignment.accountId} ${names.get(
              assignment.permissionSetArn,
            )}`,
            present: change.kind === 'create',
            madeAt: Date.now(),
          });
          // Written now: CloudTrail records when the call was made, whenever it arrives.
          outbox.push(
            assignmentEventBody(
              change.kind === 'create'
                ? 'CreateAccountAssignment'
                : 'DeleteAccountAssignment',
              { instanceArn: org.instanceArn, ...assignment },
            ),
          );
          changesMade++;
        }
      }
    })();

    // Delivers the events; what cannot be delivered waits, as EventBridge retries.
    const sender = (async () => {
      while (!stopped) {
        while (outbox.length > 0) {
          const batch = outbox.slice(0, 10);
          const sent = await sqs
            .send(
              new SendMessageBatchCommand({
                QueueUrl: queueUrl,
                Entries: batch.map((body, j) => ({
                  Id: String(j),
                  MessageBody: body,
                })),
              }),
            )
            .then(
              () => true,
              () => false,
            );
          if (!sent) break;
          outbox.splice(0, batch.length);
        }
        await sleep(250);
      }
    })();

    // What a user sees: both instances' status and a random group's accounts, twice a second.
    const poller = (async () => {
      while (!stopped) {
        await Promise.all(
          backends.map(async (_, i) => {
            await get(i, '/health');
            await (await get(i, '/status'))?.arrayBuffer();
            const group =
              org.groups[Math.floor(Math.random() * org.groups.length)];
            await rolesOf(i, group.displayName);
          }),
        );
        await sleep(500);
      }
    })();

    // Times each change until an instance (in turn) shows it, eight groups at a time.
    const lagChecker = (async () => {
      let turn = 0;
      while (!stopped) {
        const due = lag.pendingChanges();
        await Promise.all(
          Array.from({ length: 8 }, async () => {
            for (let c = due.shift(); c && !stopped; c = due.shift()) {
              const roles = await rolesOf(turn++ % backends.length, c.group);
              if (roles) lag.observe(c.group, roles, Date.now());
            }
          }),
        );
        await sleep(1000);
      }
    })();

    const sampler = (async () => {
      while (!stopped) {
        backends.forEach((b, i) =>
          rss[i].push({ atMs: Date.now() - t0, rssKb: rssKb(b.pid) }),
        );
        await sleep(5000);
      }
    })();

    const chaos = (async () => {
      const at = (ms: number) => sleep(Math.max(0, t0 + ms - Date.now()));
      await at(plan.restartPostgresAtMs);
      note('restarting PostgreSQL');
      await restartPostgres();
      note('PostgreSQL is back');
      await at(plan.queueOutage.fromMs);
      note('queue server down');
      await queueServer.stop();
      await at(plan.queueOutage.toMs);
      await queueServer.start();
      note('queue server back');
      await at(plan.throttle.fromMs);
      note(
        `Identity Center throttles to ${THROTTLED.ssoAdminRequestsPerSecond} sso-admin requests per second`,
      );
      fake.behaviour = { ...THROTTLED };
      await at(plan.throttle.toMs);
      fake.behaviour = { ...QUOTAS };
      note('throttling over');
    })();

    await Promise.all([driver, chaos]);
    await sleep(Math.max(0, t0 + durationMs - Date.now()));
    note(
      `driving done: ${changesMade} changes, ${
        lag.pendingChanges().length
      } not yet shown; catching up`,
    );
    const catchUpUntil = Date.now() + CATCH_UP_MS;
    while (
      (lag.pendingChanges().length > 0 || outbox.length > 0) &&
      Date.now() < catchUpUntil
    ) {
      await sleep(1000);
    }
    const endedAt = Date.now();
    const maxLagSeconds = lag.maxLagSeconds(endedAt);

    const expected = expectedRolesByGroup(fake.org);
    const shown = await Promise.all(
      backends.map(async (_, i) => {
        const byGroup = new Map<string, string[] | undefined>();
        const groups = [...expected.keys()];
        await Promise.all(
          Array.from({ length: 8 }, async () => {
            for (let g = groups.shift(); g; g = groups.shift()) {
              byGroup.set(g, await rolesOf(i, g));
            }
          }),
        );
        return byGroup;
      }),
    );
    stopped = true;
    await Promise.all([sender, poller, lagChecker, sampler]);
    const exactness = compareGroups(expected, shown);
    const window = Math.min(60_000, durationMs / 6);
    const growths = rss.map(samples =>
      rssGrowthPct(
        samples.filter(s => s.atMs <= durationMs),
        warmup,
        window,
      ),
    );
    const growth = growths.some(g => g === undefined)
      ? undefined
      : Math.max(...(growths as number[]));

    print(`answers ${tally} total=${tally.total}`);
    rss.forEach((samples, i) => {
      const mb = (kb: number) => (kb / 1024).toFixed(0);
      const max = Math.max(...samples.map(s => s.rssKb));
      print(
        `rss instance=${i} first_mb=${mb(samples[0].rssKb)} max_mb=${mb(
          max,
        )} last_mb=${mb(samples[samples.length - 1].rssKb)} growth_pct=${
          growths[i]?.toFixed(1) ?? 'unknown'
        }`,
      );
    });
    print(
      `changes made=${changesMade} shown=${lag.settledCount} not_shown=${
        lag.pendingChanges().length
      } fake_calls=${Object.values(fake.calls).reduce((a, b) => a + b, 0)}`,
    );
    if (exactness.mismatched.length > 0) {
      print(`mismatched ${exactness.mismatched.slice(0, 20).join(' ')}`);
    }
    const figures = {
      minutes,
      changes: changesMade,
      exact: exactness.exact,
      total: exactness.total,
      http5xxOtherThan503: tally.serverErrorsOtherThan503,
      rssGrowthPct: growth,
      maxLagSeconds,
    };
    const failures = soakFailures({
      ...figures,
      unexpectedAnswers: tally.unexpected,
    });
    failures.forEach(f => note(`FAILED: ${f}`));
    print(soakLine(figures));
    process.exitCode = failures.length > 0 ? 1 : 0;
  } finally {
    stopped = true;
    await Promise.all(backends.map(b => b.stop()));
    await fake.stop();
    await queueServer.stop();
    await dropDatabases(postgresUrl, prefix).catch(error =>
      note(`could not drop the soak's databases: ${error}`),
    );
  }
}

main().then(
  () => process.exit(),
  error => {
    process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
    process.exit(1);
  },
);
