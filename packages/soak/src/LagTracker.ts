/** A change the driver made and waits to see through the API. */
export interface TrackedChange {
  /** The group's name, as the API knows it. */
  group: string;
  /** The role as `accountId roleName`. */
  role: string;
  /** True when the change gave the role, false when it took it away. */
  present: boolean;
  /** When the change was made in Identity Center (ms since the epoch). */
  madeAt: number;
}

/**
 * Times each change from the moment it is made to the first API answer that shows it.
 * One change per group is in flight at a time (the driver leaves busy groups alone), so
 * an answer about a group settles exactly one change.
 */
export class LagTracker {
  private readonly pending = new Map<string, TrackedChange>();
  private settled = 0;
  private maxLagMs = 0;

  track(change: TrackedChange): void {
    if (this.pending.has(change.group)) {
      throw new Error(`Group '${change.group}' already has a change in flight`);
    }
    this.pending.set(change.group, change);
  }

  /** Groups whose change is not yet shown. */
  get busyGroups(): ReadonlySet<string> {
    return new Set(this.pending.keys());
  }

  /** Changes in flight, oldest first. */
  pendingChanges(): TrackedChange[] {
    return [...this.pending.values()].sort((a, b) => a.madeAt - b.madeAt);
  }

  /**
   * Takes what an answer at `at` showed for `group` (its roles as `accountId roleName`);
   * settles the group's change when the answer shows it. Returns whether it did.
   */
  observe(group: string, roles: string[], at: number): boolean {
    const change = this.pending.get(group);
    if (!change || roles.includes(change.role) !== change.present) {
      return false;
    }
    this.pending.delete(group);
    this.settled += 1;
    this.maxLagMs = Math.max(this.maxLagMs, at - change.madeAt);
    return true;
  }

  get settledCount(): number {
    return this.settled;
  }

  /** The longest lag so far, counting changes still in flight as lagging until `now`. */
  maxLagSeconds(now: number): number {
    const oldest = this.pendingChanges()[0];
    const open = oldest ? now - oldest.madeAt : 0;
    return Math.max(this.maxLagMs, open) / 1000;
  }
}
