import { LoggerService } from '@backstage/backend-plugin-api';
import { AwsAccessMetrics } from '../metrics/AwsAccessMetrics';
import { IgnoreReason } from './parseIdentityCenterEvent';

/** What this instance has seen of the event stream, for `GET /status`. */
export interface EventsStatus {
  eventsReceived: number;
  eventsIgnored: Partial<Record<IgnoreReason | 'error', number>>;
  lastEventAt?: string;
}

/** Distinct ignored events logged before the log stays quiet about new kinds too. */
const MAX_LOGGED_KINDS = 200;

/**
 * Counts received and ignored events. Each kind of ignored event is logged once, so
 * 10,000 copies of a bad message make one log line, not 10,000.
 */
export class EventStats {
  private received = 0;
  private readonly ignored: EventsStatus['eventsIgnored'] = {};
  private lastEventAt?: Date;
  private readonly lastEventAtByOrganization = new Map<string, Date>();
  private readonly logged = new Set<string>();

  constructor(
    private readonly logger: LoggerService,
    private readonly metrics?: Pick<
      AwsAccessMetrics,
      'recordEventReceived' | 'recordEventIgnored'
    >,
  ) {}

  recordReceived(at: Date = new Date()): void {
    this.received++;
    this.lastEventAt = at;
    this.metrics?.recordEventReceived();
  }

  /** An event routed to an organisation: it shows that organisation's stream is alive. */
  recordRouted(organizationId: string, at: Date = new Date()): void {
    this.lastEventAtByOrganization.set(organizationId, at);
  }

  /** When this instance last received an event for the organisation. */
  lastEventAtOf(organizationId: string): Date | undefined {
    return this.lastEventAtByOrganization.get(organizationId);
  }

  ignore(reason: IgnoreReason | 'error', detail: string): void {
    this.ignored[reason] = (this.ignored[reason] ?? 0) + 1;
    this.metrics?.recordEventIgnored({ reason });
    const kind = `${reason}: ${detail}`;
    if (!this.logged.has(kind) && this.logged.size < MAX_LOGGED_KINDS) {
      this.logged.add(kind);
      this.logger.info(
        'Ignored an IAM Identity Center event; further ones like it are counted only',
        { reason, detail },
      );
    }
  }

  toStatus(): EventsStatus {
    return {
      eventsReceived: this.received,
      eventsIgnored: { ...this.ignored },
      ...(this.lastEventAt && { lastEventAt: this.lastEventAt.toISOString() }),
    };
  }
}
