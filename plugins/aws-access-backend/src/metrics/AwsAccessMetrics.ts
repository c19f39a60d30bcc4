import { LoggerService } from '@backstage/backend-plugin-api';
import {
  MetricsService,
  MetricsServiceCounter,
  MetricsServiceHistogram,
  MetricsServiceObservableGauge,
} from '@backstage/backend-plugin-api/alpha';

/** How a full sync ended; `superseded` is one dropped because a newer one was stored. */
export type SyncResult = 'success' | 'failure' | 'superseded';

/** How one request to AWS ended. */
export type CallOutcome = 'success' | 'throttled' | 'error';

// The metrics service of this Backstage release does not prefix names with the plugin,
// so every name carries `aws_access.` itself. Attributes are passed as objects so that
// each recording can later carry an `organization` beside them.
const PREFIX = 'aws_access';

/** Change lag buckets: fine below a minute, where the suggested alert's threshold is. */
const LAG_BUCKETS_S = [0.5, 1, 2, 5, 10, 15, 20, 30, 45, 60, 90, 120, 300, 600];
const SYNC_BUCKETS_S = [1, 5, 10, 30, 60, 120, 300, 600, 1200, 1800, 3600];

/** The recorders of one organisation, each figure labelled with its id. */
export type OrganizationMetrics = {
  recordSync(sync: { result: SyncResult; durationMs: number }): void;
  recordCall(call: { operation: string; outcome: CallOutcome }): void;
  recordChangeLag(change: { lagMs: number }): void;
  observeSnapshotAge(lastSuccessAt: () => Promise<Date | undefined>): void;
  observeRefreshQueueDepth(depth: () => number): void;
};

/**
 * The plugin's metrics, created once from Backstage's metrics service and handed to what
 * records them. The README lists each with its unit and attributes.
 */
export class AwsAccessMetrics {
  private readonly syncRuns: MetricsServiceCounter<{ result: SyncResult }>;
  private readonly syncDuration: MetricsServiceHistogram<{
    result: SyncResult;
  }>;
  private readonly calls: MetricsServiceCounter<{
    operation: string;
    outcome: CallOutcome;
  }>;
  private readonly snapshotAge: MetricsServiceObservableGauge;
  private readonly eventsReceived: MetricsServiceCounter;
  private readonly eventsIgnored: MetricsServiceCounter<{ reason: string }>;
  private readonly changeLag: MetricsServiceHistogram;
  private readonly queueDepth: MetricsServiceObservableGauge;
  private readonly requests: MetricsServiceCounter<{
    route: string;
    method: string;
    status: number;
  }>;

  constructor(metrics: MetricsService, private readonly logger: LoggerService) {
    this.syncRuns = metrics.createCounter(`${PREFIX}.sync.runs`, {
      description: 'Full syncs of IAM Identity Center, by result',
      unit: '{run}',
    });
    this.syncDuration = metrics.createHistogram(`${PREFIX}.sync.duration`, {
      description: 'How long a full sync took, by result',
      unit: 's',
      advice: { explicitBucketBoundaries: SYNC_BUCKETS_S },
    });
    this.calls = metrics.createCounter(`${PREFIX}.identity_center.calls`, {
      description:
        'Requests to IAM Identity Center, Identity Store and Organizations (each retry counts), by operation and outcome',
      unit: '{call}',
    });
    this.snapshotAge = metrics.createObservableGauge(`${PREFIX}.snapshot.age`, {
      description: 'Time since the last successful full sync',
      unit: 's',
    });
    this.eventsReceived = metrics.createCounter(`${PREFIX}.events.received`, {
      description: 'Identity Center events received from the events topic',
      unit: '{event}',
    });
    this.eventsIgnored = metrics.createCounter(`${PREFIX}.events.ignored`, {
      description: 'Events received but not used, by reason',
      unit: '{event}',
    });
    this.changeLag = metrics.createHistogram(`${PREFIX}.change.lag`, {
      description:
        "From a change's event time to the snapshot write that serves it",
      unit: 's',
      advice: { explicitBucketBoundaries: LAG_BUCKETS_S },
    });
    this.queueDepth = metrics.createObservableGauge(
      `${PREFIX}.refresh_queue.depth`,
      {
        description: 'Targets waiting in the refresh queue to be read',
        unit: '{target}',
      },
    );
    this.requests = metrics.createCounter(`${PREFIX}.http.requests`, {
      description: 'Requests to the HTTP API, by route pattern and status',
      unit: '{request}',
    });
  }

  /**
   * The metrics of one organisation: the same recorders, each figure labelled with the
   * organisation id.
   */
  forOrganization(organization: string): OrganizationMetrics {
    return {
      recordSync: sync => this.recordSync({ ...sync, organization }),
      recordCall: call => this.recordCall({ ...call, organization }),
      recordChangeLag: change =>
        this.recordChangeLag({ ...change, organization }),
      observeSnapshotAge: lastSuccessAt =>
        this.observeSnapshotAge(lastSuccessAt, organization),
      observeRefreshQueueDepth: depth =>
        this.observeRefreshQueueDepth(depth, organization),
    };
  }

  recordSync({
    result,
    durationMs,
    organization,
  }: {
    result: SyncResult;
    durationMs: number;
    organization?: string;
  }) {
    const labels = { result, ...(organization && { organization }) };
    this.syncRuns.add(1, labels);
    this.syncDuration.record(durationMs / 1000, labels);
  }

  recordCall({
    operation,
    outcome,
    organization,
  }: {
    operation: string;
    outcome: CallOutcome;
    organization?: string;
  }) {
    this.calls.add(1, {
      operation,
      outcome,
      ...(organization && { organization }),
    });
  }

  recordEventReceived() {
    this.eventsReceived.add(1);
  }

  recordEventIgnored({ reason }: { reason: string }) {
    this.eventsIgnored.add(1, { reason });
  }

  recordChangeLag({
    lagMs,
    organization,
  }: {
    lagMs: number;
    organization?: string;
  }) {
    this.changeLag.record(
      Math.max(0, lagMs) / 1000,
      organization ? { organization } : {},
    );
  }

  recordRequest(request: { route: string; method: string; status: number }) {
    this.requests.add(1, request);
  }

  /**
   * Reports the snapshot's age on each collection. Read from the database, so every
   * instance of a cluster reports the age of the snapshot they all serve.
   */
  observeSnapshotAge(
    lastSuccessAt: () => Promise<Date | undefined>,
    organization?: string,
  ) {
    this.snapshotAge.addCallback(async result => {
      try {
        const at = await lastSuccessAt();
        if (at) {
          result.observe(
            Math.max(0, Date.now() - at.getTime()) / 1000,
            organization ? { organization } : {},
          );
        }
      } catch (error) {
        // No figure rather than a made-up one; the alert on an absent age fires.
        this.logger.warn('Could not read the sync status for a metric', {
          error: `${(error as Error).name}: ${(error as Error).message}`,
        });
      }
    });
  }

  /** Reports how many targets wait to be read, on each collection. */
  observeRefreshQueueDepth(depth: () => number, organization?: string) {
    this.queueDepth.addCallback(result =>
      result.observe(depth(), organization ? { organization } : {}),
    );
  }
}
