import { AccessSnapshot, AccessSnapshotSource } from './types';

/** The config-declared source: the organisation written in `awsAccess.static`. */
export class StaticSnapshotSource implements AccessSnapshotSource {
  constructor(private readonly snapshot: AccessSnapshot) {}

  async getSnapshot(): Promise<AccessSnapshot> {
    return this.snapshot;
  }
}
