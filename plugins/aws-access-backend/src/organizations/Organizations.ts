import {
  AwsAccessStatus,
  AwsOrganizationSettings,
  AwsOrganizationStatus,
} from '@aws-access/backstage-plugin-aws-access-common';
import { ServiceUnavailableError } from '@backstage/errors';
import { AccessSnapshot, AccessSnapshotSource } from '../snapshot/types';

/** One organisation the portal serves, with where its snapshot comes from. */
export interface OrganizationEntry {
  settings: AwsOrganizationSettings;
  source: AccessSnapshotSource;
}

/** One organisation's served snapshot. */
export interface OrganizationSnapshot {
  organization: AwsOrganizationSettings;
  snapshot: AccessSnapshot;
}

/** What this instance has seen of the event stream, shared by every organisation. */
type EventsStatus = Pick<
  AwsAccessStatus,
  'eventsReceived' | 'eventsIgnored' | 'lastEventAt'
>;

/**
 * The organisations the portal serves, in configuration order. Reads are answered from
 * every organisation that has data: one organisation's outage or missing first sync
 * leaves the others served.
 */
export class Organizations {
  constructor(
    private readonly entries: OrganizationEntry[],
    private readonly events?: { toStatus(): EventsStatus },
  ) {
    if (entries.length === 0) {
      throw new TypeError('At least one organisation is required');
    }
  }

  /** Every organisation's settings, in configuration order. */
  get settings(): AwsOrganizationSettings[] {
    return this.entries.map(e => e.settings);
  }

  /** The organisation with this id, if the portal serves one. */
  find(id: string): AwsOrganizationSettings | undefined {
    return this.entries.find(e => e.settings.id === id)?.settings;
  }

  /**
   * The snapshots of every organisation that has one, in configuration order. Throws
   * ServiceUnavailableError (503) only when no organisation has data to serve.
   */
  async snapshots(): Promise<OrganizationSnapshot[]> {
    const results = await Promise.allSettled(
      this.entries.map(e => e.source.getSnapshot()),
    );
    const served: OrganizationSnapshot[] = [];
    const missing: Array<{
      organization: AwsOrganizationSettings;
      why: string;
    }> = [];
    results.forEach((result, i) => {
      const organization = this.entries[i].settings;
      if (result.status === 'fulfilled') {
        served.push({ organization, snapshot: result.value });
      } else if (result.reason instanceof ServiceUnavailableError) {
        missing.push({ organization, why: result.reason.message });
      } else {
        throw result.reason;
      }
    });
    if (served.length === 0) {
      throw new ServiceUnavailableError(
        missing.length === 1
          ? missing[0].why
          : `No organisation has AWS access data to serve yet: ${missing
              .map(
                m => `${m.organization.title} (${m.organization.id}): ${m.why}`,
              )
              .join('; ')}`,
      );
    }
    return served;
  }

  /** How fresh each organisation's data is, and what this instance saw of the events. */
  async status(): Promise<AwsAccessStatus> {
    const organizations = await Promise.all(
      this.entries.map(async (e): Promise<AwsOrganizationStatus> => {
        const [status, hasData] = await Promise.all([
          e.source.getStatus(),
          e.source.getSnapshot().then(
            () => true,
            () => false,
          ),
        ]);
        return {
          id: e.settings.id,
          title: e.settings.title,
          hasData,
          ...status,
        };
      }),
    );
    return {
      stale: organizations.some(o => o.stale || !o.hasData),
      organizations,
      ...this.events?.toStatus(),
    };
  }

  /**
   * For `/health`: the ids of organisations with and without data. Never throws for one
   * organisation's failure.
   */
  async availability(): Promise<{ serving: string[]; withoutData: string[] }> {
    const results = await Promise.allSettled(
      this.entries.map(e => e.source.getSnapshot()),
    );
    const serving: string[] = [];
    const withoutData: string[] = [];
    results.forEach((r, i) =>
      (r.status === 'fulfilled' ? serving : withoutData).push(
        this.entries[i].settings.id,
      ),
    );
    return { serving, withoutData };
  }
}
