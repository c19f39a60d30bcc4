import { FakeIdentityCenter } from '@aws-access/fake-identity-center';
import {
  fakeOrg as org,
  fakeOrgTeam as groupEntity,
} from './__testUtils__/fakeOrganization';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { createServer } from 'node:net';
import request from 'supertest';
import { waitFor } from './__testUtils__/startAwsAccessBackend';
import {
  cloudTrailEvent,
  startEventsBackend,
} from './__testUtils__/startEventsBackend';

const TOPIC = 'awsAccessIdentityCenter';
const ACCOUNTS_ROUTE = '/entities/:kind/:namespace/:name/accounts';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise(resolve => server.close(resolve));
  if (!address || typeof address === 'string') {
    throw new Error('No port to scrape metrics on');
  }
  return address.port;
}

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of a Prometheus text exposition, comments left out. */
function parseExposition(text: string): Sample[] {
  return text
    .split('\n')
    .filter(line => line && !line.startsWith('#'))
    .map(line => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)/.exec(line);
      if (!match) {
        throw new Error(`Not a sample line: ${line}`);
      }
      const labels = Object.fromEntries(
        [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(
          ([, key, value]) => [key, value],
        ),
      );
      return { name: match[1], labels, value: Number(match[3]) };
    });
}

/** The sum of the samples named `name` whose labels include `labels`. */
function total(
  samples: Sample[],
  name: string,
  labels: Record<string, string> = {},
): number {
  return samples
    .filter(
      s =>
        s.name === name &&
        Object.entries(labels).every(([k, v]) => s.labels[k] === v),
    )
    .reduce((sum, s) => sum + s.value, 0);
}

jest.setTimeout(60_000);

describe('metrics through OpenTelemetry, scraped in Prometheus format', () => {
  let sdk: NodeSDK;
  let scrapeUrl: string;
  let fake: FakeIdentityCenter;

  beforeAll(async () => {
    // As the example backend's instrumentation.js does, before the backend starts.
    const port = await freePort();
    sdk = new NodeSDK({
      metricReaders: [new PrometheusExporter({ host: '127.0.0.1', port })],
      spanProcessors: [],
      logRecordProcessors: [],
      autoDetectResources: false,
    });
    sdk.start();
    scrapeUrl = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await sdk.shutdown();
  });
  beforeEach(async () => {
    // Every 5th sso-admin request is throttled; the SDK's retry gets it through.
    fake = await FakeIdentityCenter.start(structuredClone(org), {
      throttleEveryNth: 5,
    });
  });
  afterEach(async () => {
    await fake.stop();
  });

  async function scrape(): Promise<Sample[]> {
    const res = await request(scrapeUrl).get('/metrics');
    expect(res.status).toBe(200);
    return parseExposition(res.text);
  }

  it('counts a sync, its Identity Center calls, an event and its change lag, and API requests', async () => {
    const { server, publish } = await startEventsBackend(fake, {
      catalog: [groupEntity],
      topic: TOPIC,
    });
    const accountsPath =
      '/api/aws-access/entities/group/default/group-1/accounts';
    const before = await waitFor(async () => {
      const r = await request(server).get(accountsPath);
      return r.status === 200 ? r : undefined;
    }, 'the first snapshot');
    const known = before.body.accounts.map((a: { id: string }) => a.id);
    const newAccount = org.accounts.find(a => !known.includes(a.id))!;
    const group = org.groups[1];

    await publish({ topic: TOPIC, eventPayload: 'not json at all {' });
    fake.org.assignments.push({
      accountId: newAccount.id,
      permissionSetArn: org.permissionSets[0].arn,
      principalType: 'GROUP',
      principalId: group.id,
    });
    await publish({
      topic: TOPIC,
      eventPayload: cloudTrailEvent(
        'sso.amazonaws.com',
        'CreateAccountAssignment',
        {
          instanceArn: org.instanceArn,
          targetId: newAccount.id,
          targetType: 'AWS_ACCOUNT',
          permissionSetArn: org.permissionSets[0].arn,
          principalType: 'GROUP',
          principalId: group.id,
        },
      ),
    });
    await waitFor(async () => {
      const r = await request(server).get(accountsPath);
      return r.body.accounts?.some(
        (a: { id: string }) => a.id === newAccount.id,
      )
        ? r
        : undefined;
    }, 'the new account');
    const missing = await request(server).get(
      '/api/aws-access/entities/group/default/nobody/accounts',
    );
    expect(missing.status).toBe(404);
    // The change lag is written when the snapshot is; the batch logs after that.
    const samples = await waitFor(async () => {
      const s = await scrape();
      return total(s, 'aws_access_change_lag_count') > 0 ? s : undefined;
    }, 'the change lag');

    // One full sync, successful, with its duration.
    expect(
      total(samples, 'aws_access_sync_runs_total', { result: 'success' }),
    ).toBe(1);
    expect(total(samples, 'aws_access_sync_runs_total')).toBe(1);
    expect(
      total(samples, 'aws_access_sync_duration_count', {
        result: 'success',
      }),
    ).toBe(1);
    expect(total(samples, 'aws_access_sync_duration_sum')).toBeGreaterThan(0);

    // Every request the fake received, by operation, throttled ones included.
    const operations = Object.keys(fake.calls);
    expect(operations).toContain('ListAccountAssignmentsForPrincipal');
    for (const operation of operations) {
      expect({
        operation,
        calls: total(samples, 'aws_access_identity_center_calls_total', {
          operation,
        }),
      }).toEqual({ operation, calls: fake.calls[operation] });
    }
    expect(
      total(samples, 'aws_access_identity_center_calls_total', {
        outcome: 'throttled',
      }),
    ).toBeGreaterThan(0);
    expect(
      total(samples, 'aws_access_identity_center_calls_total', {
        outcome: 'error',
      }),
    ).toBe(0);

    // The snapshot was written moments ago.
    const age = total(samples, 'aws_access_snapshot_age');
    expect(age).toBeGreaterThanOrEqual(0);
    expect(age).toBeLessThan(30);

    // Two events in, one of them malformed; one change, at least the settle time late.
    expect(total(samples, 'aws_access_events_received_total')).toBe(2);
    expect(
      total(samples, 'aws_access_events_ignored_total', {
        reason: 'malformed',
      }),
    ).toBe(1);
    expect(total(samples, 'aws_access_events_ignored_total')).toBe(1);
    expect(total(samples, 'aws_access_change_lag_count')).toBe(1);
    const lag = total(samples, 'aws_access_change_lag_sum');
    expect(lag).toBeGreaterThanOrEqual(0.2);
    expect(lag).toBeLessThan(30);
    expect(total(samples, 'aws_access_change_lag_bucket', { le: '60' })).toBe(
      1,
    );
    expect(total(samples, 'aws_access_refresh_queue_depth')).toBe(0);

    // Requests by route pattern and status; never a raw path.
    expect(
      total(samples, 'aws_access_http_requests_total', {
        route: ACCOUNTS_ROUTE,
        method: 'GET',
        status: '200',
      }),
    ).toBeGreaterThanOrEqual(2);
    expect(
      total(samples, 'aws_access_http_requests_total', {
        route: ACCOUNTS_ROUTE,
        status: '404',
      }),
    ).toBe(1);
    const routes = samples
      .filter(s => s.name === 'aws_access_http_requests_total')
      .map(s => s.labels.route);
    expect(
      routes.filter(r => r.includes('group-1') || r.includes('nobody')),
    ).toEqual([]);
  });
});
