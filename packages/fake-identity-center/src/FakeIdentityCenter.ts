import http from 'node:http';
import { AddressInfo } from 'node:net';
import {
  AssignmentInput,
  AssignmentOperation,
  AssignmentOperationKind,
  AssignmentWrites,
  ConflictError,
  operationStatusOut,
  StatusFailure,
} from './assignmentWrites';
import { FakeBehaviour, FakeOrg } from './model';
import { NotFoundError, ValidationError, page } from './pagination';
import { TokenBucket } from './TokenBucket';

interface Input extends AssignmentInput {
  MaxResults?: number;
  NextToken?: string;
  InstanceArn?: string;
  IdentityStoreId?: string;
  PermissionSetArn?: string;
  PrincipalId?: string;
  PrincipalType?: string;
  AccountId?: string;
  Filter?: { AccountId?: string };
  AlternateIdentifier?: {
    UniqueAttribute?: { AttributePath?: string; AttributeValue?: unknown };
  };
  AccountAssignmentCreationRequestId?: string;
  AccountAssignmentDeletionRequestId?: string;
}

/** What the write handlers need beyond the organisation. */
interface HandlerContext {
  writes: AssignmentWrites;
  statusDelayMs: number;
  now: number;
}
type Handler = (org: FakeOrg, input: Input, context: HandlerContext) => object;

/** How long a create or delete stays IN_PROGRESS unless the behaviour says otherwise. */
export const DEFAULT_ASSIGNMENT_STATUS_DELAY_MS = 300;

/** A failure `failNext` injects: an error answer instead of the operation's result. */
export interface ErrorFailure {
  /** The error's type, e.g. `InternalServerException`, `AccessDeniedException`. */
  error: string;
  /** HTTP status; 500 for InternalServerException, else 400. */
  httpStatus?: number;
  message?: string;
}

const writeKinds: Record<string, AssignmentOperationKind | undefined> = {
  CreateAccountAssignment: 'create',
  DeleteAccountAssignment: 'delete',
};

/** Operations whose next requests `failNext` can make fail with a FAILED status. */
export type WriteOperation =
  | 'CreateAccountAssignment'
  | 'DeleteAccountAssignment';

const SSO_ADMIN = 'SWBExternalService';
const IDENTITY_STORE = 'AWSIdentityStore';
const ORGANIZATIONS = 'AWSOrganizationsV20161128';

function requireInstance(org: FakeOrg, input: Input) {
  if (input.InstanceArn !== org.instanceArn) {
    throw new NotFoundError(`Instance ${input.InstanceArn} not found`);
  }
}

function permissionSet(org: FakeOrg, arn: string) {
  const found = org.permissionSets.find(p => p.arn === arn);
  if (!found) {
    throw new NotFoundError(`Permission set ${arn} not found`);
  }
  return found;
}

const assignmentOut = (a: FakeOrg['assignments'][number]) => ({
  AccountId: a.accountId,
  PermissionSetArn: a.permissionSetArn,
  PrincipalType: a.principalType,
  PrincipalId: a.principalId,
});

// Page sizes are the documented maxima of each operation.
const handlers: Record<string, Handler> = {
  [`${SSO_ADMIN}.ListInstances`]: (org, input) => {
    const p = page([org], input, 100);
    return {
      Instances: p.items.map(o => ({
        InstanceArn: o.instanceArn,
        IdentityStoreId: o.identityStoreId,
        Status: 'ACTIVE',
      })),
      NextToken: p.NextToken,
    };
  },
  [`${SSO_ADMIN}.ListPermissionSets`]: (org, input) => {
    requireInstance(org, input);
    const p = page(org.permissionSets, input, 100);
    return { PermissionSets: p.items.map(s => s.arn), NextToken: p.NextToken };
  },
  [`${SSO_ADMIN}.DescribePermissionSet`]: (org, input) => {
    requireInstance(org, input);
    const s = permissionSet(org, input.PermissionSetArn ?? '');
    return {
      PermissionSet: {
        Name: s.name,
        PermissionSetArn: s.arn,
        Description: s.description,
        SessionDuration: s.sessionDuration ?? 'PT1H',
      },
    };
  },
  [`${SSO_ADMIN}.ListAccountAssignmentsForPrincipal`]: (org, input) => {
    requireInstance(org, input);
    const matching = org.assignments.filter(
      a =>
        a.principalId === input.PrincipalId &&
        a.principalType === input.PrincipalType &&
        (!input.Filter?.AccountId || a.accountId === input.Filter.AccountId),
    );
    const p = page(matching, input, 100);
    return {
      AccountAssignments: p.items.map(assignmentOut),
      NextToken: p.NextToken,
    };
  },
  [`${SSO_ADMIN}.ListAccountsForProvisionedPermissionSet`]: (org, input) => {
    requireInstance(org, input);
    permissionSet(org, input.PermissionSetArn ?? '');
    const accountIds = [
      ...new Set(
        org.assignments
          .filter(a => a.permissionSetArn === input.PermissionSetArn)
          .map(a => a.accountId),
      ),
    ];
    const p = page(accountIds, input, 100);
    return { AccountIds: p.items, NextToken: p.NextToken };
  },
  [`${SSO_ADMIN}.ListAccountAssignments`]: (org, input) => {
    requireInstance(org, input);
    const matching = org.assignments.filter(
      a =>
        a.accountId === input.AccountId &&
        a.permissionSetArn === input.PermissionSetArn,
    );
    const p = page(matching, input, 100);
    return {
      AccountAssignments: p.items.map(assignmentOut),
      NextToken: p.NextToken,
    };
  },
  [`${SSO_ADMIN}.CreateAccountAssignment`]: (org, input, c) => {
    requireInstance(org, input);
    const o = c.writes.start(org, 'create', input, c.statusDelayMs, c.now);
    return { AccountAssignmentCreationStatus: operationStatusOut(o) };
  },
  [`${SSO_ADMIN}.DeleteAccountAssignment`]: (org, input, c) => {
    requireInstance(org, input);
    const o = c.writes.start(org, 'delete', input, c.statusDelayMs, c.now);
    return { AccountAssignmentDeletionStatus: operationStatusOut(o) };
  },
  [`${SSO_ADMIN}.DescribeAccountAssignmentCreationStatus`]: (org, input, c) => {
    requireInstance(org, input);
    const o = c.writes.find('create', input.AccountAssignmentCreationRequestId);
    return { AccountAssignmentCreationStatus: operationStatusOut(o) };
  },
  [`${SSO_ADMIN}.DescribeAccountAssignmentDeletionStatus`]: (org, input, c) => {
    requireInstance(org, input);
    const o = c.writes.find('delete', input.AccountAssignmentDeletionRequestId);
    return { AccountAssignmentDeletionStatus: operationStatusOut(o) };
  },
  [`${IDENTITY_STORE}.ListGroups`]: (org, input) => {
    if (input.IdentityStoreId !== org.identityStoreId) {
      throw new NotFoundError(
        `Identity store ${input.IdentityStoreId} not found`,
      );
    }
    const p = page(org.groups, input, 100);
    return {
      Groups: p.items.map(g => ({
        GroupId: g.id,
        DisplayName: g.displayName,
        ExternalIds: (g.externalIds ?? []).map(e => ({
          Issuer: e.issuer,
          Id: e.id,
        })),
        IdentityStoreId: org.identityStoreId,
      })),
      NextToken: p.NextToken,
    };
  },
  [`${IDENTITY_STORE}.GetUserId`]: (org, input) => {
    if (input.IdentityStoreId !== org.identityStoreId) {
      throw new NotFoundError(
        `Identity store ${input.IdentityStoreId} not found`,
      );
    }
    const { AttributePath, AttributeValue } =
      input.AlternateIdentifier?.UniqueAttribute ?? {};
    if (AttributePath !== 'userName' && AttributePath !== 'emails.value') {
      throw new ValidationError(
        `AttributePath must be userName or emails.value, got ${AttributePath}`,
      );
    }
    const value = String(AttributeValue ?? '').toLowerCase();
    const user = (org.users ?? []).find(u =>
      AttributePath === 'userName'
        ? u.userName.toLowerCase() === value
        : AttributePath === 'emails.value' &&
          (u.emails ?? []).some(e => e.toLowerCase() === value),
    );
    if (!user) {
      throw new NotFoundError(`No user with ${AttributePath} ${value}`);
    }
    return { UserId: user.id, IdentityStoreId: org.identityStoreId };
  },
  [`${ORGANIZATIONS}.ListAccounts`]: (org, input) => {
    const p = page(org.accounts, input, 20);
    return {
      Accounts: p.items.map(a => ({
        Id: a.id,
        Arn: `arn:aws:organizations::000000000000:account/o-fake/${a.id}`,
        Email: a.email,
        Name: a.name,
        State: a.state ?? 'ACTIVE',
      })),
      NextToken: p.NextToken,
    };
  },
};

const ssoAdminOperations = new Set(
  Object.keys(handlers)
    .filter(t => t.startsWith(`${SSO_ADMIN}.`))
    .map(t => t.split('.')[1]),
);

/**
 * A local HTTP server speaking the AWS JSON 1.1 protocol of sso-admin, identitystore and
 * organizations. Point the real SDK v3 clients at {@link FakeIdentityCenter.url}.
 */
export class FakeIdentityCenter {
  /** Requests received, by operation name (throttled and failed ones included). */
  readonly calls: Record<string, number> = {};
  /** Every request received: when, which operation, signed with which access key. */
  readonly log: Array<{ at: number; operation: string; accessKeyId: string }> =
    [];
  behaviour: FakeBehaviour;
  org: FakeOrg;

  private totalRequests = 0;
  private ssoAdminRequests = 0;
  private readonly ssoAdminQuota = new TokenBucket();
  private readonly organizationsQuota = new TokenBucket();
  private readonly writes = new AssignmentWrites();
  private readonly errorFailures = new Map<string, ErrorFailure[]>();
  private settleTimer?: NodeJS.Timeout;

  private constructor(
    private readonly server: http.Server,
    org: FakeOrg,
    behaviour: FakeBehaviour,
  ) {
    this.org = org;
    this.behaviour = behaviour;
  }

  static async start(
    org: FakeOrg,
    behaviour: FakeBehaviour = {},
  ): Promise<FakeIdentityCenter> {
    const server = http.createServer();
    const fake = new FakeIdentityCenter(server, org, behaviour);
    server.on('request', (req, res) => fake.handle(req, res));
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** Calls to sso-admin operations only: the ones the shared rate limit counts. */
  get ssoAdminCalls(): number {
    return Object.entries(this.calls)
      .filter(([op]) => ssoAdminOperations.has(op))
      .reduce((sum, [, n]) => sum + n, 0);
  }

  /**
   * Every CreateAccountAssignment and DeleteAccountAssignment request the fake accepted,
   * oldest first, with its current status (rejected ones are in `calls` and `log` only).
   */
  get assignmentOperations(): ReadonlyArray<Readonly<AssignmentOperation>> {
    this.settle();
    return this.writes.operations;
  }

  /** The assignments `principalId` holds now, as the listings show them. */
  assignmentsOf(principalId: string): FakeOrg['assignments'] {
    this.settle();
    return this.org.assignments
      .filter(a => a.principalId === principalId)
      .map(a => ({ ...a }));
  }

  /**
   * The next `count` requests of `operation` go wrong: `{ status: 'FAILED', reason }`
   * makes an accepted create or delete end FAILED with that FailureReason (the
   * organisation unchanged); `{ error }` answers the request itself with that error, e.g.
   * `InternalServerException` (HTTP 500) or `AccessDeniedException`. Failures queue up
   * in the order given.
   */
  failNext(
    operation: WriteOperation,
    count: number,
    failure: StatusFailure,
  ): void;
  failNext(operation: string, count: number, failure: ErrorFailure): void;
  failNext(
    operation: string,
    count: number,
    failure: StatusFailure | ErrorFailure,
  ): void {
    if ('status' in failure) {
      const kind = writeKinds[operation];
      if (!kind) {
        throw new Error(`${operation} has no asynchronous status to fail`);
      }
      this.writes.failNext(kind, count, failure);
      return;
    }
    const queue = this.errorFailures.get(operation) ?? [];
    for (let i = 0; i < count; i++) {
      queue.push(failure);
    }
    this.errorFailures.set(operation, queue);
  }

  /** Forgets the calls so far; `failAfterRequests` counts from here. */
  resetCalls() {
    for (const key of Object.keys(this.calls)) {
      delete this.calls[key];
    }
    this.totalRequests = 0;
    this.ssoAdminRequests = 0;
  }

  async stop(): Promise<void> {
    clearTimeout(this.settleTimer);
    this.server.closeAllConnections();
    await new Promise<void>(resolve => this.server.close(() => resolve()));
  }

  private get statusDelayMs(): number {
    return (
      this.behaviour.assignmentStatusDelayMs ??
      DEFAULT_ASSIGNMENT_STATUS_DELAY_MS
    );
  }

  /**
   * Settles the creates and deletes whose delay has passed, and wakes up for the next
   * one, so the organisation changes on time even when nobody asks for the status.
   */
  private settle() {
    this.writes.settle(this.org, Date.now(), {
      failDeleteOfMissing: this.behaviour.failDeleteOfMissingAssignment,
    });
    clearTimeout(this.settleTimer);
    const next = this.writes.nextSettleAt();
    if (next !== undefined) {
      this.settleTimer = setTimeout(
        () => this.settle(),
        Math.max(0, next - Date.now()),
      );
      this.settleTimer.unref();
    }
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) {
      chunks.push(chunk as Buffer);
    }
    const target = String(req.headers['x-amz-target'] ?? '');
    const operation = target.split('.')[1] ?? target;
    this.calls[operation] = (this.calls[operation] ?? 0) + 1;
    const credential = /Credential=([^/,\s]+)/.exec(
      String(req.headers.authorization ?? ''),
    );
    this.log.push({
      at: Date.now(),
      operation,
      accessKeyId: credential?.[1] ?? '',
    });
    this.totalRequests += 1;

    const send = (status: number, body: object, errorType?: string) => {
      const json = JSON.stringify(body);
      res.writeHead(status, {
        'content-type': 'application/x-amz-json-1.1',
        'x-amzn-requestid': `fake-${this.totalRequests}`,
        ...(errorType && { 'x-amzn-errortype': errorType }),
      });
      res.end(json);
    };
    const fail = (status: number, type: string, message: string) =>
      send(status, { __type: type, message }, type);

    const { latencyMs, failAfterRequests, deniedOperations, throttleEveryNth } =
      this.behaviour;
    if (latencyMs) {
      await new Promise(r => setTimeout(r, latencyMs));
    }
    if (
      failAfterRequests !== undefined &&
      this.totalRequests > failAfterRequests
    ) {
      fail(500, 'InternalServerException', 'The fake is having an outage');
      return;
    }
    const handler = handlers[target];
    if (!handler) {
      fail(400, 'UnknownOperationException', `Unknown operation ${target}`);
      return;
    }
    const injected = this.errorFailures.get(operation)?.shift();
    if (injected) {
      fail(
        injected.httpStatus ??
          (injected.error === 'InternalServerException' ? 500 : 400),
        injected.error,
        injected.message ?? `Injected ${injected.error}`,
      );
      return;
    }
    if (deniedOperations?.includes(operation)) {
      fail(
        400,
        'AccessDeniedException',
        `User is not authorized to perform: ${operation}`,
      );
      return;
    }
    if (target.startsWith(`${SSO_ADMIN}.`)) {
      this.ssoAdminRequests += 1;
      const forced =
        throttleEveryNth !== undefined &&
        this.ssoAdminRequests % throttleEveryNth === 0;
      if (
        forced ||
        !this.ssoAdminQuota.take(this.behaviour.ssoAdminRequestsPerSecond)
      ) {
        fail(400, 'ThrottlingException', 'Rate exceeded');
        return;
      }
    }
    if (
      target.startsWith(`${ORGANIZATIONS}.`) &&
      !this.organizationsQuota.take(
        this.behaviour.organizationsRequestsPerSecond,
      )
    ) {
      // Organizations names its throttling error differently from sso-admin.
      fail(
        400,
        'TooManyRequestsException',
        'You have sent too many requests in too short a period of time',
      );
      return;
    }
    try {
      const input = chunks.length
        ? JSON.parse(Buffer.concat(chunks).toString('utf8'))
        : {};
      this.settle();
      const output = handler(this.org, input, {
        writes: this.writes,
        statusDelayMs: this.statusDelayMs,
        now: Date.now(),
      });
      this.settle();
      send(200, output);
    } catch (error) {
      if (
        error instanceof ValidationError ||
        error instanceof NotFoundError ||
        error instanceof ConflictError
      ) {
        fail(400, error.type, error.message);
      } else {
        fail(500, 'InternalServerException', String(error));
      }
    }
  }
}
