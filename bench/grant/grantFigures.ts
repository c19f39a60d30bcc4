/*
 * The grant benchmark's figures from what it observed: percentiles of the approval-to-role
 * times, how late each assignment left the fake Identity Center after its grant's expiry,
 * and the Identity Center write-path calls per grant from the fake's request log. Pure.
 */
import type { AssignmentOperation } from '@aws-access/fake-identity-center';
import type { GrantCase } from './grantScenario';

/** The calls one grant's life makes in Identity Center: find the user, create, delete. */
export const WRITE_PATH_OPERATIONS = [
  'GetUserId',
  'CreateAccountAssignment',
  'DescribeAccountAssignmentCreationStatus',
  'DeleteAccountAssignment',
  'DescribeAccountAssignmentDeletionStatus',
];

/** The nearest-rank percentile `p` of `values` (need not be sorted). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(
      sorted.length - 1,
      Math.max(0, Math.ceil((p / 100) * sorted.length) - 1),
    )
  ];
}

/**
 * When each case's assignment left the fake (its successful delete settled), in ms since
 * the epoch; an error names a case whose assignment was never removed.
 */
export function removalTimes(
  cases: GrantCase[],
  operations: ReadonlyArray<Readonly<AssignmentOperation>>,
): number[] {
  return cases.map(c => {
    const removal = operations.find(
      o =>
        o.kind === 'delete' &&
        o.status === 'SUCCEEDED' &&
        o.assignment.principalId === c.userId &&
        o.assignment.accountId === c.accountId &&
        o.assignment.permissionSetArn === c.permissionSetArn,
    );
    if (!removal) {
      throw new Error(
        `The fake never removed ${c.role} in ${c.accountId} for ${c.requester}`,
      );
    }
    return removal.settlesAt;
  });
}

/** Seconds from each grant's expiry to its assignment's removal (negative: early). */
export function expiryLateness(
  expiresAt: string[],
  removedAtMs: number[],
): number[] {
  return expiresAt.map((at, i) => (removedAtMs[i] - Date.parse(at)) / 1000);
}

/** The requests the fake received from `since` on, by operation. */
export function callsByOperation(
  log: ReadonlyArray<{ at: number; operation: string }>,
  since: number,
): Record<string, number> {
  const calls: Record<string, number> = {};
  for (const entry of log.slice(since)) {
    calls[entry.operation] = (calls[entry.operation] ?? 0) + 1;
  }
  return calls;
}

/** Write-path calls (see WRITE_PATH_OPERATIONS) per grant. */
export function writeCallsPerGrant(
  calls: Record<string, number>,
  grants: number,
): number {
  const total = WRITE_PATH_OPERATIONS.reduce(
    (sum, op) => sum + (calls[op] ?? 0),
    0,
  );
  return total / grants;
}

/** The benchmark's last line. */
export function grantLine(figures: {
  requests: number;
  approveToVisibleS: number[];
  expiryLateS: number[];
  callsPerGrant: number;
}): string {
  const s = (v: number) => v.toFixed(2);
  return [
    `grant requests=${figures.requests}`,
    `approve_to_visible_p50_s=${s(percentile(figures.approveToVisibleS, 50))}`,
    `approve_to_visible_p99_s=${s(percentile(figures.approveToVisibleS, 99))}`,
    `expiry_late_p99_s=${s(percentile(figures.expiryLateS, 99))}`,
    `calls_per_grant=${figures.callsPerGrant.toFixed(2)}`,
  ].join(' ');
}
