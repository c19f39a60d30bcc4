/*
 * Freshness benchmark: the real backend with events on, Backstage's SQS module polling a
 * queue on the local SQS-compatible server (started by scripts/bench.sh), and the fake
 * Identity Center with the benchmark organisation at AWS's quotas. Measures the time from
 * SendMessage to the API showing a single assignment change, the calls each costs, and a
 * burst of 1,000 assignment events over 100 groups. Prints figures; asserts nothing.
 * Run: ./scripts/bench.sh fresh
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { FakeIdentityCenter } from '@aws-access/fake-identity-center';
import { BackendInstance } from '../e2e/support/backendInstance';
import {
  SQLITE_IN_MEMORY_OVERLAY,
  catalogFileOverlay,
  identityCenterOverlay,
  sqsEventsOverlay,
} from '../e2e/support/backendOverlays';
import { assignmentEventBody, createQueue } from '../e2e/support/liveEvents';
import { benchmarkOrg, groupEntities } from './benchmarkOrg';
import { print } from './print';

const PORT = 7118;
const SINGLE_EVENTS = 20;
const BURST_GROUPS = 100;
const BURST_PER_GROUP = 10;
/** The listing's page size the plugin asks for. */
const PAGE_SIZE = 100;

function catalogFile(groups: number): string {
  const file = join(
    mkdtempSync(join(tmpdir(), 'aws-access-fresh-')),
    'groups.yaml',
  );
  writeFileSync(file, `${groupEntities(groups).join('\n---\n')}\n`);
  return file;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function main() {
  const sqsUrl = process.env.AWS_ACCESS_TEST_SQS_URL;
  if (!sqsUrl) {
    throw new Error('AWS_ACCESS_TEST_SQS_URL is set by scripts/bench.sh');
  }
  process.env.AWS_ACCESS_KEY_ID = 'AKIAFAKEBENCH';
  process.env.AWS_SECRET_ACCESS_KEY = 'fake';
  const sqs = new SQSClient({ region: 'eu-north-1', endpoint: sqsUrl });
  const { queueUrl } = await createQueue(sqs, `aws-access-fresh-${Date.now()}`);

  const org = benchmarkOrg();
  const fake = await FakeIdentityCenter.start(org, {
    ssoAdminRequestsPerSecond: 20,
    organizationsRequestsPerSecond: 10,
  });
  const backend = BackendInstance.start(
    PORT,
    SQLITE_IN_MEMORY_OVERLAY,
    catalogFileOverlay(catalogFile(org.groups.length)),
    identityCenterOverlay(fake.url, {
      accessKeyId: 'AKIAFAKEBENCH',
      instance: org,
      schedule:
        '{ frequency: { hours: 6 }, timeout: { minutes: 10 }, initialDelay: { seconds: 0 } }',
      events: '{ enabled: true }',
    }),
    sqsEventsOverlay(queueUrl, sqsUrl),
  );
  process.on('exit', () => backend.kill());
  try {
    await backend.waitUntilHealthy(300_000);
    const token = await backend.guestToken();
    const headers = { authorization: `Bearer ${token}` };
    const status = await (
      await fetch(`${backend.baseUrl}/api/aws-access/status`, { headers })
    ).json();
    const fullSyncCalls = Object.values(
      status.organizations[0].callsByOperation as Record<string, number>,
    ).reduce((a, b) => a + b, 0);
    const accountsOf = async (group: string): Promise<Set<string>> => {
      const res = await fetch(
        `${backend.baseUrl}/api/aws-access/entities/group/default/${group}/accounts`,
        { headers },
      );
      if (res.status !== 200) return new Set();
      const body = (await res.json()) as { accounts: Array<{ id: string }> };
      return new Set(body.accounts.map(a => a.id));
    };
    // Until the catalog has read the groups.
    for (let i = 0; i < 600 && (await accountsOf('group-1')).size === 0; i++) {
      await new Promise(r => setTimeout(r, 500));
    }
    const totalCalls = () =>
      Object.values(fake.calls).reduce((a, b) => a + b, 0);

    /** A new assignment for the group in an account it has no role in yet. */
    const newAssignment = async (groupIndex: number, skip = 0) => {
      const group = org.groups[groupIndex];
      const held = new Set(
        fake.org.assignments
          .filter(a => a.principalId === group.id)
          .map(a => a.accountId),
      );
      const free = org.accounts.filter(a => !held.has(a.id));
      return {
        accountId: free[skip].id,
        permissionSetArn: org.permissionSets[groupIndex % 60].arn,
        principalType: 'GROUP' as const,
        principalId: group.id,
      };
    };

    // Single changes, one at a time.
    const latencies: number[] = [];
    const callsBefore = totalCalls();
    for (let e = 0; e < SINGLE_EVENTS; e++) {
      const groupIndex = 1 + e * 7;
      const assignment = await newAssignment(groupIndex);
      fake.org.assignments.push(assignment);
      const t0 = performance.now();
      await sqs.send(
        new SendMessageCommand({
          QueueUrl: queueUrl,
          MessageBody: assignmentEventBody('CreateAccountAssignment', {
            instanceArn: org.instanceArn,
            ...assignment,
          }),
        }),
      );
      while (
        !(await accountsOf(`group-${groupIndex}`)).has(assignment.accountId)
      ) {
        await new Promise(r => setTimeout(r, 25));
      }
      latencies.push((performance.now() - t0) / 1000);
    }
    const callsPerEvent = (totalCalls() - callsBefore) / SINGLE_EVENTS;
    latencies.sort((a, b) => a - b);

    // A burst: 1,000 assignment events over 100 groups, as one Terraform apply makes.
    const burstGroups = Array.from({ length: BURST_GROUPS }, (_, i) => 150 + i);
    const burst: Array<Awaited<ReturnType<typeof newAssignment>>> = [];
    for (const g of burstGroups) {
      for (let k = 0; k < BURST_PER_GROUP; k++) {
        burst.push(await newAssignment(g, k));
      }
    }
    fake.org.assignments.push(...burst);
    const lowerBound = burstGroups
      .map(g => {
        const n = fake.org.assignments.filter(
          a => a.principalId === org.groups[g].id,
        ).length;
        return Math.max(1, Math.ceil(n / PAGE_SIZE));
      })
      .reduce((a, b) => a + b, 0);
    const burstCallsBefore = totalCalls();
    const burstStartedAt = Date.now();
    for (let i = 0; i < burst.length; i += 10) {
      await sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: burst.slice(i, i + 10).map((a, j) => ({
            Id: String(j),
            MessageBody: assignmentEventBody('CreateAccountAssignment', {
              instanceArn: org.instanceArn,
              ...a,
            }),
          })),
        }),
      );
    }
    // Watch the cheap status route until the snapshot holds every assignment, so that the
    // watching does not slow the backend; then check every group through its accounts
    // route. The time is that of the snapshot write that completed the burst.
    const statusNow = async () =>
      (
        (await (
          await fetch(`${backend.baseUrl}/api/aws-access/status`, { headers })
        ).json()) as {
          organizations: Array<{
            lastChangeAt: string;
            counts: { assignments: number };
          }>;
        }
      ).organizations[0];
    while (
      (await statusNow()).counts.assignments < fake.org.assignments.length
    ) {
      await new Promise(r => setTimeout(r, 250));
    }
    const { lastChangeAt } = await statusNow();
    for (const g of burstGroups) {
      const shown = await accountsOf(`group-${g}`);
      const missing = burst.filter(
        a => a.principalId === org.groups[g].id && !shown.has(a.accountId),
      );
      if (missing.length > 0) {
        throw new Error(
          `group-${g} does not show ${missing.length} new accounts`,
        );
      }
    }
    const burstSeconds = (Date.parse(lastChangeAt) - burstStartedAt) / 1000;
    // Late duplicates a slower queue would still deliver are paid for too: wait them out.
    await new Promise(r => setTimeout(r, 3000));
    const burstCalls = totalCalls() - burstCallsBefore;

    print(
      `fresh events=${SINGLE_EVENTS} p50_s=${percentile(latencies, 50).toFixed(
        2,
      )} p99_s=${percentile(latencies, 99).toFixed(
        2,
      )} calls_per_event=${callsPerEvent.toFixed(
        2,
      )} burst_principals=${BURST_GROUPS} burst_calls=${burstCalls} burst_lower_bound=${lowerBound} burst_s=${burstSeconds.toFixed(
        1,
      )} full_sync_calls=${fullSyncCalls}`,
    );
  } finally {
    backend.kill();
    await fake.stop();
  }
}

main().catch(error => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
