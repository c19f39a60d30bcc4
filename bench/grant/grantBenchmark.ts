/*
 * Grant benchmark: temporary access on the benchmark organisation (1,000 accounts, 60
 * permission sets, 300 groups, ~6,000 assignments) in the fake Identity Center over HTTP
 * at AWS's sso-admin quota, with the real backend (`yarn start`), its real SDK and a
 * policy listing the roles asked for. N requesters (GRANT_BENCH_REQUESTS, default 20),
 * each in no team, ask for a different role that group-0 holds, for a minute; a member of
 * that team approves all N at once. Measures, per grant:
 *   approve_to_visible  from the approval call to the role in the requester's
 *                       GET /me/accounts, polled every 100 ms
 *   expiry_late         from the grant's expiresAt (GET /access-grants) to the moment the
 *                       fake's assignment left (its delete settled)
 *   calls_per_grant     Identity Center write-path calls (GetUserId, Create, Describe
 *                       creation, Delete, Describe deletion) from the fake's log, per grant
 * Everyone signs in through the guest provider (guestUsers.ts). The fake's creates and
 * deletes stay IN_PROGRESS for its default delay. The requesters join the identity store
 * after the backend's first sync, so each grant looks its user up (GetUserId): the most
 * calls a grant makes. Prints the figures, the `grant requests=…` line last; asserts
 * nothing. Takes about two minutes: a grant lasts a whole minute at least.
 * Run: ./scripts/bench.sh grant (GRANT_BENCH_REQUESTS=50 ./scripts/bench.sh grant)
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_ASSIGNMENT_STATUS_DELAY_MS,
  FakeIdentityCenter,
} from '@aws-access/fake-identity-center';
import type {
  AccessGrant,
  AccessGrantsResponse,
  EntityAccessResponse,
} from '@aws-access/backstage-plugin-aws-access-common';
import { BackendInstance } from '../../e2e/support/backendInstance';
import {
  SQLITE_IN_MEMORY_OVERLAY,
  catalogFileOverlay,
  identityCenterOverlay,
  temporaryAccessOverlay,
} from '../../e2e/support/backendOverlays';
import { runBenchmark, waitUntil } from '../backendLoad';
import { benchmarkOrg } from '../benchmarkOrg';
import { print } from '../print';
import { ORGANIZATIONS_QUOTA, SSO_ADMIN_QUOTA } from '../syncFigures';
import {
  callsByOperation,
  expiryLateness,
  grantLine,
  removalTimes,
  writeCallsPerGrant,
} from './grantFigures';
import {
  APPROVER,
  GrantCase,
  catalogEntities,
  grantCases,
  identityStoreUsers,
  requestedRoles,
} from './grantScenario';
import { GuestUsers } from './guestUsers';

const PORT = 7163;
const REQUESTS = Number(process.env.GRANT_BENCH_REQUESTS ?? 20);
if (!Number.isInteger(REQUESTS) || REQUESTS < 1) {
  throw new Error('GRANT_BENCH_REQUESTS must be a whole number from 1 up');
}
/** The shortest grant the API takes. */
const DURATION_MINUTES = 1;
const POLL_MS = 100;
/** How long a role may take to show, or a removal to happen, before the run gives up. */
const GIVE_UP_MS = 5 * 60_000;

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
const userRef = (name: string) => `user:default/${name}`;

/** Calls the plugin's API as the holder of `token`. */
function apiAs(baseUrl: string, token: string) {
  return async (method: 'GET' | 'POST', path: string, body?: object) => {
    const res = await fetch(`${baseUrl}/api/aws-access${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body && { 'content-type': 'application/json' }),
      },
      ...(body && { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) {
      throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 500)}`);
    }
    return JSON.parse(text);
  };
}

type Api = ReturnType<typeof apiAs>;

/** Whether the requester's own accounts route shows the role they asked for. */
async function showsRole(api: Api, c: GrantCase): Promise<boolean> {
  const body = (await api('GET', '/me/accounts')) as EntityAccessResponse;
  return body.accounts.some(
    a => a.id === c.accountId && a.roles.some(r => r.name === c.role),
  );
}

/** Approves the grant and polls the requester's view until the role shows; seconds. */
async function approveToVisible(
  approver: Api,
  requester: Api,
  grantId: string,
  c: GrantCase,
): Promise<number> {
  const started = performance.now();
  await approver('POST', `/access-grants/${grantId}/approve`, {});
  for (;;) {
    const polled = performance.now();
    if (await showsRole(requester, c)) {
      return (performance.now() - started) / 1000;
    }
    if (performance.now() - started > GIVE_UP_MS) {
      throw new Error(`${c.role} never showed for ${c.requester}`);
    }
    await sleep(Math.max(0, POLL_MS - (performance.now() - polled)));
  }
}

async function main() {
  const org = benchmarkOrg();
  const cases = grantCases(org, REQUESTS);
  const fake = await FakeIdentityCenter.start(org, {
    ssoAdminRequestsPerSecond: SSO_ADMIN_QUOTA,
    organizationsRequestsPerSecond: ORGANIZATIONS_QUOTA,
  });
  const dir = mkdtempSync(join(tmpdir(), 'aws-access-grant-bench-'));
  writeFileSync(join(dir, 'entities.yaml'), catalogEntities(org, cases));
  const guest = new GuestUsers(userRef(APPROVER));
  const backend = BackendInstance.start(
    PORT,
    SQLITE_IN_MEMORY_OVERLAY,
    catalogFileOverlay(join(dir, 'entities.yaml')),
    identityCenterOverlay(fake.url, {
      accessKeyId: 'AKIAFAKEBENCH',
      instance: org,
      schedule:
        '{ frequency: { hours: 6 }, timeout: { minutes: 10 }, initialDelay: { seconds: 0 } }',
    }),
    temporaryAccessOverlay(requestedRoles(cases).map(name => ({ name }))),
    guest.overlay,
  );
  process.on('exit', () => backend.kill());
  try {
    await backend.waitUntilHealthy(600_000);
    const base = backend.baseUrl;
    const anyone = apiAs(base, await backend.guestToken());
    await waitUntil('the first sync', async () => {
      const status = await anyone('GET', '/status');
      return Boolean(status.organizations?.[0]?.lastSuccessAt);
    });
    // The catalog has read the team and every user once the last requester resolves.
    await waitUntil('the catalog', async () => {
      const token = await backend.guestToken();
      const statuses = await Promise.all(
        [
          'group/default/group-0',
          `user/default/${cases.at(-1)!.requester}`,
        ].map(
          async path =>
            (
              await fetch(`${base}/api/catalog/entities/by-name/${path}`, {
                headers: { authorization: `Bearer ${token}` },
              })
            ).status,
        ),
      );
      return statuses.every(s => s === 200);
    });
    // New to the identity store since the sync: each grant looks its user up.
    org.users = [...(org.users ?? []), ...identityStoreUsers(cases)];

    const approver = apiAs(
      base,
      await guest.tokenOf(backend, userRef(APPROVER)),
    );
    const requesters: Api[] = [];
    for (const c of cases) {
      requesters.push(
        apiAs(base, await guest.tokenOf(backend, userRef(c.requester))),
      );
    }

    const since = fake.log.length;
    const grantIds = await Promise.all(
      cases.map(async (c, i) => {
        if (await showsRole(requesters[i], c)) {
          throw new Error(`${c.requester} holds ${c.role} before asking`);
        }
        const grant = (await requesters[i]('POST', '/access-grants', {
          accountId: c.accountId,
          role: c.role,
          durationMinutes: DURATION_MINUTES,
          reason: 'Grant benchmark',
        })) as AccessGrant;
        return grant.id;
      }),
    );
    const loadAtApproval = loadavg()[0];
    const visibleS = await Promise.all(
      cases.map((c, i) =>
        approveToVisible(approver, requesters[i], grantIds[i], c),
      ),
    );

    // Every grant ends at its expiry; the approver's list shows them all.
    let grants: AccessGrant[] = [];
    const deadline = Date.now() + DURATION_MINUTES * 60_000 + GIVE_UP_MS;
    for (;;) {
      const { grants: listed } = (await approver(
        'GET',
        '/access-grants',
      )) as AccessGrantsResponse;
      grants = grantIds.map(id => listed.find(g => g.id === id)!);
      const open = grants.filter(g => g.state !== 'removed');
      if (open.length === 0) break;
      const stuck = open.find(g => !['active', 'expiring'].includes(g.state));
      if (stuck || Date.now() > deadline) {
        throw new Error(
          `Grant ${(stuck ?? open[0]).id} is ${(stuck ?? open[0]).state}: ${
            (stuck ?? open[0]).lastError ?? 'not removed in time'
          }`,
        );
      }
      await sleep(1000);
    }
    const lateS = expiryLateness(
      grants.map(g => g.expiresAt!),
      removalTimes(cases, fake.assignmentOperations),
    );
    const left = cases.filter(c => fake.assignmentsOf(c.userId).length > 0);
    if (left.length > 0) {
      throw new Error(`${left.length} assignments are still in the fake`);
    }
    const calls = callsByOperation(fake.log, since);
    const list = (values: number[]) =>
      [...values]
        .sort((a, b) => a - b)
        .map(v => v.toFixed(2))
        .join(',');

    print(
      `grant setup accounts=${org.accounts.length} permission_sets=${
        org.permissionSets.length
      } groups=${org.groups.length} assignments=${
        org.assignments.length
      } roles_asked=${
        requestedRoles(cases).length
      } duration_minutes=${DURATION_MINUTES} approvals=simultaneous fake_status_delay_ms=${
        fake.behaviour.assignmentStatusDelayMs ??
        DEFAULT_ASSIGNMENT_STATUS_DELAY_MS
      } sso_admin_rps=${SSO_ADMIN_QUOTA} users_known_to_sync=no load_1m=${loadAtApproval.toFixed(
        2,
      )}`,
    );
    print(`grant approve_to_visible_s=${list(visibleS)}`);
    // Where the time goes: the backend's own record of the approval and of the create.
    print(
      `grant decided_to_granted_s=${list(
        grants.map(
          g => (Date.parse(g.grantedAt!) - Date.parse(g.decidedAt!)) / 1000,
        ),
      )}`,
    );
    print(`grant expiry_late_s=${list(lateS)}`);
    print(`grant calls_by_operation ${JSON.stringify(calls)}`);
    print(
      grantLine({
        requests: cases.length,
        approveToVisibleS: visibleS,
        expiryLateS: lateS,
        callsPerGrant: writeCallsPerGrant(calls, cases.length),
      }),
    );
  } finally {
    await backend.stop();
    await fake.stop();
  }
}

runBenchmark(main);
