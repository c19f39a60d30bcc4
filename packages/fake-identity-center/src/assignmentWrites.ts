import { randomUUID } from 'node:crypto';
import { FakeOrg } from './model';
import { NotFoundError, ValidationError } from './pagination';

type Assignment = FakeOrg['assignments'][number];

/** Which of the two asynchronous writes. */
export type AssignmentOperationKind = 'create' | 'delete';

/**
 * One CreateAccountAssignment or DeleteAccountAssignment request the fake accepted: its
 * request id, the assignment, and how it went. `status` is IN_PROGRESS until `settlesAt`.
 */
export interface AssignmentOperation {
  kind: AssignmentOperationKind;
  requestId: string;
  assignment: Assignment;
  status: 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED';
  failureReason?: string;
  createdAt: number;
  settlesAt: number;
}

/** Why the next creates or deletes end FAILED (see `FakeIdentityCenter.failNext`). */
export interface StatusFailure {
  status: 'FAILED';
  /** The status's FailureReason; a generic internal failure by default. */
  reason?: string;
}

/** AWS's FailureReason when the principal is not in the identity store. */
export const principalNotFoundReason = (a: Assignment) =>
  `Received a 404 status error: the ${a.principalType} assignee ${a.principalId} was not found in directory`;

/** What the fake answers for a delete of an assignment that does not exist, when told to fail it. */
export const assignmentNotFoundReason = (a: Assignment) =>
  `Received a 404 status error: no account assignment of ${a.permissionSetArn} to ${a.principalType} ${a.principalId} was found in account ${a.accountId}`;

const sameAssignment = (a: Assignment, b: Assignment) =>
  a.accountId === b.accountId &&
  a.permissionSetArn === b.permissionSetArn &&
  a.principalType === b.principalType &&
  a.principalId === b.principalId;

export class ConflictError extends Error {
  readonly type = 'ConflictException';
}

export interface AssignmentInput {
  TargetId?: string;
  TargetType?: string;
  PermissionSetArn?: string;
  PrincipalType?: string;
  PrincipalId?: string;
}

/**
 * The asynchronous account assignment writes of sso-admin: a create or delete is accepted
 * IN_PROGRESS and settles after a delay, changing `org.assignments` only when it
 * SUCCEEDS, so the listings show it from then on.
 */
export class AssignmentWrites {
  /** Every accepted request, oldest first. */
  readonly operations: AssignmentOperation[] = [];
  private readonly byRequestId = new Map<string, AssignmentOperation>();
  private readonly statusFailures: Record<
    AssignmentOperationKind,
    StatusFailure[]
  > = { create: [], delete: [] };

  /** The next `count` accepted requests of `kind` settle FAILED. */
  failNext(
    kind: AssignmentOperationKind,
    count: number,
    failure: StatusFailure,
  ) {
    for (let i = 0; i < count; i++) {
      this.statusFailures[kind].push(failure);
    }
  }

  /** Validates and accepts a request; it settles `delayMs` from `now`. */
  start(
    org: FakeOrg,
    kind: AssignmentOperationKind,
    input: AssignmentInput,
    delayMs: number,
    now: number,
  ): AssignmentOperation {
    const assignment = this.assignmentOf(org, input);
    if (
      this.operations.some(
        o =>
          o.status === 'IN_PROGRESS' &&
          sameAssignment(o.assignment, assignment),
      )
    ) {
      // AWS answers so while another write to the same assignment is under way, and
      // advises retrying with backoff.
      throw new ConflictError(
        'An account assignment operation is already in progress for this principal, permission set and account. Retry later.',
      );
    }
    const failure = this.statusFailures[kind].shift();
    const operation: AssignmentOperation = {
      kind,
      requestId: randomUUID(),
      assignment,
      status: 'IN_PROGRESS',
      ...(failure && {
        failureReason:
          failure.reason ??
          'An unexpected internal service exception was encountered',
      }),
      createdAt: now,
      settlesAt: now + delayMs,
    };
    this.operations.push(operation);
    this.byRequestId.set(operation.requestId, operation);
    return operation;
  }

  /** The request with this id, of this kind. */
  find(kind: AssignmentOperationKind, requestId: string | undefined) {
    const operation = this.byRequestId.get(requestId ?? '');
    if (!operation || operation.kind !== kind) {
      throw new NotFoundError(
        `Account assignment ${
          kind === 'create' ? 'creation' : 'deletion'
        } request ${requestId} not found`,
      );
    }
    return operation;
  }

  /** Settles every request whose delay has passed, in the order they were made. */
  settle(
    org: FakeOrg,
    now: number,
    options: { failDeleteOfMissing?: boolean } = {},
  ): void {
    for (const o of this.operations) {
      if (o.status !== 'IN_PROGRESS' || o.settlesAt > now) {
        continue;
      }
      if (o.failureReason) {
        o.status = 'FAILED';
        continue;
      }
      if (!this.principalExists(org, o.assignment)) {
        o.status = 'FAILED';
        o.failureReason = principalNotFoundReason(o.assignment);
        continue;
      }
      const index = org.assignments.findIndex(a =>
        sameAssignment(a, o.assignment),
      );
      if (o.kind === 'create') {
        // Creating an assignment that exists already succeeds and changes nothing.
        if (index < 0) {
          org.assignments.push({ ...o.assignment });
        }
        o.status = 'SUCCEEDED';
      } else if (index >= 0) {
        org.assignments.splice(index, 1);
        o.status = 'SUCCEEDED';
      } else if (options.failDeleteOfMissing) {
        o.status = 'FAILED';
        o.failureReason = assignmentNotFoundReason(o.assignment);
      } else {
        o.status = 'SUCCEEDED';
      }
    }
  }

  /** The earliest time an unsettled request settles. */
  nextSettleAt(): number | undefined {
    const pending = this.operations
      .filter(o => o.status === 'IN_PROGRESS')
      .map(o => o.settlesAt);
    return pending.length ? Math.min(...pending) : undefined;
  }

  private principalExists(org: FakeOrg, a: Assignment): boolean {
    return a.principalType === 'USER'
      ? (org.users ?? []).some(u => u.id === a.principalId)
      : org.groups.some(g => g.id === a.principalId);
  }

  private assignmentOf(org: FakeOrg, input: AssignmentInput): Assignment {
    if (input.TargetType !== 'AWS_ACCOUNT') {
      throw new ValidationError(
        `TargetType must be AWS_ACCOUNT, got ${input.TargetType}`,
      );
    }
    if (input.PrincipalType !== 'USER' && input.PrincipalType !== 'GROUP') {
      throw new ValidationError(
        `PrincipalType must be USER or GROUP, got ${input.PrincipalType}`,
      );
    }
    if (!input.PrincipalId) {
      throw new ValidationError('PrincipalId is required');
    }
    if (!org.accounts.some(a => a.id === input.TargetId)) {
      throw new ValidationError(
        `TargetId ${input.TargetId} is not an account of the organization`,
      );
    }
    if (!org.permissionSets.some(p => p.arn === input.PermissionSetArn)) {
      throw new NotFoundError(
        `Permission set ${input.PermissionSetArn} not found`,
      );
    }
    return {
      accountId: input.TargetId!,
      permissionSetArn: input.PermissionSetArn!,
      principalType: input.PrincipalType,
      principalId: input.PrincipalId,
    };
  }
}

/** An operation as sso-admin returns it in its status objects. */
export function operationStatusOut(o: AssignmentOperation) {
  return {
    Status: o.status,
    RequestId: o.requestId,
    ...(o.status === 'FAILED' && { FailureReason: o.failureReason }),
    TargetId: o.assignment.accountId,
    TargetType: 'AWS_ACCOUNT',
    PermissionSetArn: o.assignment.permissionSetArn,
    PrincipalType: o.assignment.principalType,
    PrincipalId: o.assignment.principalId,
    CreatedDate: o.createdAt / 1000,
  };
}
