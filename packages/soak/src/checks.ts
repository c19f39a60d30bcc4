import { FakeOrg } from '@aws-access/fake-identity-center';

/**
 * Every group's roles as the fake serves them, by group name: `accountId roleName`
 * entries, sorted. Groups without assignments have an empty list.
 */
export function expectedRolesByGroup(org: FakeOrg): Map<string, string[]> {
  const names = new Map(org.permissionSets.map(p => [p.arn, p.name]));
  const byId = new Map<string, string[]>(org.groups.map(g => [g.id, []]));
  for (const a of org.assignments) {
    if (a.principalType === 'GROUP') {
      byId
        .get(a.principalId)
        ?.push(`${a.accountId} ${names.get(a.permissionSetArn)}`);
    }
  }
  return new Map(org.groups.map(g => [g.displayName, byId.get(g.id)!.sort()]));
}

/** The roles an accounts answer of the API shows, as `accountId roleName` entries, sorted. */
export function shownRoles(
  accounts: Array<{ id: string; roles: Array<{ name: string }> }>,
): string[] {
  return accounts.flatMap(a => a.roles.map(r => `${a.id} ${r.name}`)).sort();
}

const same = (a: string[], b: string[]) =>
  a.length === b.length && a.every((v, i) => v === b[i]);

/** How many groups every instance shows exactly as the truth has them. */
export interface Exactness {
  exact: number;
  total: number;
  /** Groups some instance shows otherwise (or could not answer for), by name. */
  mismatched: string[];
}

/**
 * Compares each group of the truth with what each instance showed for it (undefined when
 * the instance did not answer); a group is exact when every instance shows exactly its
 * roles.
 */
export function compareGroups(
  expected: Map<string, string[]>,
  shownByInstance: Array<Map<string, string[] | undefined>>,
): Exactness {
  const mismatched = [...expected]
    .filter(([group, roles]) =>
      shownByInstance.some(shown => {
        const got = shown.get(group);
        return !got || !same([...got].sort(), roles);
      }),
    )
    .map(([group]) => group);
  return {
    exact: expected.size - mismatched.length,
    total: expected.size,
    mismatched,
  };
}

/** Counts the API's answers by status code; a request that got no answer counts as `error`. */
export class StatusTally {
  private readonly counts = new Map<string, number>();

  record(status: number | 'error'): void {
    const key = String(status);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  get total(): number {
    return [...this.counts.values()].reduce((a, b) => a + b, 0);
  }

  /** Answers with a 5xx status other than 503 (a fault, not "try again later"). */
  get serverErrorsOtherThan503(): number {
    return [...this.counts]
      .filter(([code]) => /^5\d\d$/.test(code) && code !== '503')
      .reduce((sum, [, n]) => sum + n, 0);
  }

  /** Everything but 200 and 503: client errors, faults, and requests with no answer. */
  get unexpected(): number {
    return [...this.counts]
      .filter(([code]) => code !== '200' && code !== '503')
      .reduce((sum, [, n]) => sum + n, 0);
  }

  /** `200=… 503=…`, codes in order. */
  toString(): string {
    return [...this.counts]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, n]) => `${code}=${n}`)
      .join(' ');
  }
}

/** One reading of a process's resident memory. */
export interface RssSample {
  atMs: number;
  rssKb: number;
}

const mean = (values: number[]) =>
  values.reduce((a, b) => a + b, 0) / values.length;

/**
 * How much resident memory grew after the warm-up, in percent: the mean of the samples in
 * the last `windowMs` against the mean of those in the first `windowMs` after the
 * warm-up. Means over a window, not single samples, so one collection of garbage more or
 * less does not decide. Undefined without samples in both windows.
 */
export function rssGrowthPct(
  samples: RssSample[],
  warmupMs: number,
  windowMs: number,
): number | undefined {
  if (samples.length === 0) {
    return undefined;
  }
  const lastAt = Math.max(...samples.map(s => s.atMs));
  const baseline = samples
    .filter(s => s.atMs >= warmupMs && s.atMs < warmupMs + windowMs)
    .map(s => s.rssKb);
  const end = samples
    .filter(s => s.atMs > lastAt - windowMs && s.atMs >= warmupMs + windowMs)
    .map(s => s.rssKb);
  if (baseline.length === 0 || end.length === 0) {
    return undefined;
  }
  return ((mean(end) - mean(baseline)) / mean(baseline)) * 100;
}
