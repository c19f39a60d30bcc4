import {
  AccessSnapshot,
  AccessSnapshotSource,
  SourceStatus,
} from '../snapshot/types';

/** The config-declared source: the organisation written in `awsAccess.static`. */
export class StaticSnapshotSource implements AccessSnapshotSource {
  private readonly loadedAt = new Date().toISOString();

  constructor(private readonly snapshot: AccessSnapshot) {}

  async getSnapshot(): Promise<AccessSnapshot> {
    return this.snapshot;
  }

  async getStatus(): Promise<SourceStatus> {
    return {
      source: 'static',
      stale: false,
      lastAttemptAt: this.loadedAt,
      lastSuccessAt: this.loadedAt,
      counts: {
        accounts: this.snapshot.accounts.length,
        permissionSets: this.snapshot.permissionSets.length,
        groups: this.snapshot.groups.length,
        assignments: this.snapshot.assignments.length,
      },
    };
  }
}
