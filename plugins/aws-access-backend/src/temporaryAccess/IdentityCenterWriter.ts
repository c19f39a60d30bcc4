import { setTimeout as delay } from 'node:timers/promises';
import {
  AccountAssignmentOperationStatus,
  CreateAccountAssignmentCommand,
  DeleteAccountAssignmentCommand,
  DescribeAccountAssignmentCreationStatusCommand,
  DescribeAccountAssignmentDeletionStatusCommand,
} from '@aws-sdk/client-sso-admin';
import { GetUserIdCommand } from '@aws-sdk/client-identitystore';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { CallCounter, CallObserver } from '../identityCenter/CallCounter';
import {
  createIdentityCenterClients,
  createRequestPacers,
  IdentityCenterClients,
  RequestPacers,
} from '../identityCenter/clients';
import { IdentityCenterReader } from '../identityCenter/IdentityCenterReader';
import { IdentityCenterSettings } from '../identityCenter/settings';

/** One permission set assigned to one Identity Center user in one account. */
export interface UserAssignmentTarget {
  accountId: string;
  permissionSetArn: string;
  userId: string;
}

/** How to find a user in the identity store: user names first, then emails. */
export interface UserIdQuery {
  userNames?: readonly string[];
  emails?: readonly string[];
}

/** How the writer follows an asynchronous create or delete to its end. */
export interface StatusPolling {
  /** Wait before the first status request. */
  firstDelayMs: number;
  /** Each wait doubles up to this. */
  maxDelayMs: number;
  /** A create or delete not done by then throws a retryable error. */
  timeoutMs: number;
}

export const DEFAULT_STATUS_POLLING: StatusPolling = {
  firstDelayMs: 400,
  maxDelayMs: 5000,
  timeoutMs: 60_000,
};

/**
 * A write that did not happen. `retryable`: trying again later may work (throttling, a
 * server error, the network, a status still in progress at the time limit); otherwise
 * it will not until something changes (access denied, bad input, a FAILED status).
 */
export class IdentityCenterWriteError extends Error {
  readonly name = 'IdentityCenterWriteError';
  /** The status's FailureReason when Identity Center reported FAILED. */
  readonly failureReason?: string;

  constructor(
    message: string,
    readonly retryable: boolean,
    options: {
      cause?: unknown;
      /** The status's FailureReason when Identity Center reported FAILED. */
      failureReason?: string;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.failureReason = options.failureReason;
  }
}

interface SdkError {
  name?: string;
  message?: string;
  $fault?: 'client' | 'server';
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: number };
}

/** Errors whose cause may go away by itself: throttling, server faults, the network. */
export function isRetryable(error: unknown): boolean {
  const e = (error ?? {}) as SdkError;
  const name = e.name ?? '';
  if (
    /Throttl|TooManyRequests|Conflict|Timeout|ExpiredToken|Abort/.test(name)
  ) {
    return true;
  }
  if (e.$retryable || e.$fault === 'server') {
    return true;
  }
  const status = e.$metadata?.httpStatusCode;
  // No HTTP status: the request never got an answer (connection refused, reset, DNS).
  return status === undefined || status >= 500;
}

const describe = (a: UserAssignmentTarget) =>
  `${a.permissionSetArn} for user ${a.userId} in account ${a.accountId}`;

const nameOf = (error: unknown) => (error as SdkError | undefined)?.name;

/** A FAILED deletion whose reason says there was nothing (left) to delete. */
const isMissingReason = (reason: string | undefined) =>
  /not found|does not exist|doesn't exist|no account assignment/i.test(
    reason ?? '',
  );

/** Wraps an SDK error for the caller, keeping it as the cause. */
function writeError(what: string, error: unknown): IdentityCenterWriteError {
  if (error instanceof IdentityCenterWriteError) {
    return error;
  }
  const e = error as SdkError;
  return new IdentityCenterWriteError(
    `${what}: ${e?.name ?? 'Error'}: ${e?.message ?? String(error)}`,
    isRetryable(error),
    { cause: error },
  );
}

/**
 * The only code that writes to IAM Identity Center: assigns a permission set to a user in
 * an account and takes it away again, following each asynchronous request to its end.
 * Requests go through the same SDK clients, request budgets and call metrics as the
 * organisation's reads.
 */
export class IdentityCenterWriter {
  private readonly clients: IdentityCenterClients;
  private readonly counter: CallCounter;
  private readonly reader: Pick<IdentityCenterReader, 'instanceOfEvents'>;
  private readonly polling: StatusPolling;

  constructor(options: {
    settings: IdentityCenterSettings;
    credentials: AwsCredentialIdentityProvider;
    /** The instance's request budgets, shared with the reads. */
    pacers?: RequestPacers;
    /** Told of every request as it ends (the metrics). */
    onCall?: CallObserver;
    /** Answers which instance and identity store to write to; one is made when absent. */
    reader?: Pick<IdentityCenterReader, 'instanceOfEvents'>;
    polling?: Partial<StatusPolling>;
  }) {
    const { settings, credentials, onCall } = options;
    const pacers = options.pacers ?? createRequestPacers(settings);
    this.counter = new CallCounter(onCall);
    this.clients = createIdentityCenterClients({
      settings,
      credentials,
      counter: this.counter,
      stopped: new AbortController().signal,
      pacers,
    });
    this.reader =
      options.reader ??
      new IdentityCenterReader(settings, credentials, pacers, onCall);
    this.polling = { ...DEFAULT_STATUS_POLLING, ...options.polling };
  }

  /** Requests this writer made, by operation, retries included. */
  get calls(): Record<string, number> {
    return this.counter.toJSON();
  }

  /** The instance and identity store written to. */
  async instance(): Promise<{ instanceArn: string; identityStoreId: string }> {
    try {
      return await this.reader.instanceOfEvents();
    } catch (error) {
      throw writeError('Could not find the Identity Center instance', error);
    }
  }

  /**
   * The identity-store user id of the first user name, else the first email, that
   * names a user; undefined when none does.
   */
  async userIdOf(
    query: UserIdQuery,
    signal?: AbortSignal,
  ): Promise<string | undefined> {
    const { identityStoreId } = await this.instance();
    const attributes = [
      ...(query.userNames ?? []).map(v => ['userName', v] as const),
      ...(query.emails ?? []).map(v => ['emails.value', v] as const),
    ];
    for (const [AttributePath, AttributeValue] of attributes) {
      try {
        const { UserId } = await this.clients.identityStore.send(
          new GetUserIdCommand({
            IdentityStoreId: identityStoreId,
            AlternateIdentifier: {
              UniqueAttribute: { AttributePath, AttributeValue },
            },
          }),
          { abortSignal: signal },
        );
        if (UserId) {
          return UserId;
        }
      } catch (error) {
        if (nameOf(error) !== 'ResourceNotFoundException') {
          throw writeError(
            `GetUserId by ${AttributePath} '${AttributeValue}'`,
            error,
          );
        }
      }
    }
    return undefined;
  }

  /**
   * Assigns the permission set to the user in the account and resolves once Identity
   * Center reports SUCCEEDED. An assignment that exists already counts as created.
   */
  async createAssignment(
    assignment: UserAssignmentTarget,
    signal?: AbortSignal,
  ): Promise<void> {
    const status = await this.write('create', assignment, signal);
    if (status.Status !== 'SUCCEEDED') {
      throw new IdentityCenterWriteError(
        `Identity Center could not assign ${describe(assignment)}: ${
          status.FailureReason ?? status.Status
        }`,
        false,
        { failureReason: status.FailureReason },
      );
    }
  }

  /**
   * Removes the assignment and resolves once Identity Center reports it done. An
   * assignment that does not exist (any more) counts as removed.
   */
  async deleteAssignment(
    assignment: UserAssignmentTarget,
    signal?: AbortSignal,
  ): Promise<void> {
    const status = await this.write('delete', assignment, signal);
    if (
      status.Status !== 'SUCCEEDED' &&
      !isMissingReason(status.FailureReason)
    ) {
      throw new IdentityCenterWriteError(
        `Identity Center could not remove ${describe(assignment)}: ${
          status.FailureReason ?? status.Status
        }`,
        false,
        { failureReason: status.FailureReason },
      );
    }
  }

  /**
   * Sends the create or delete and follows its status until it is no longer
   * IN_PROGRESS. A ConflictException (another write to the same assignment is under
   * way) is retried after a wait, as AWS advises, within the same time limit.
   */
  private async write(
    kind: 'create' | 'delete',
    assignment: UserAssignmentTarget,
    signal: AbortSignal | undefined,
  ): Promise<AccountAssignmentOperationStatus> {
    const { instanceArn } = await this.instance();
    const operation =
      kind === 'create' ? 'CreateAccountAssignment' : 'DeleteAccountAssignment';
    const input = {
      InstanceArn: instanceArn,
      TargetId: assignment.accountId,
      TargetType: 'AWS_ACCOUNT' as const,
      PermissionSetArn: assignment.permissionSetArn,
      PrincipalType: 'USER' as const,
      PrincipalId: assignment.userId,
    };
    const deadline = Date.now() + this.polling.timeoutMs;
    const waits = this.waits(deadline, signal);
    let status: AccountAssignmentOperationStatus | undefined;
    while (!status) {
      try {
        status =
          kind === 'create'
            ? (
                await this.clients.ssoAdmin.send(
                  new CreateAccountAssignmentCommand(input),
                  { abortSignal: signal },
                )
              ).AccountAssignmentCreationStatus
            : (
                await this.clients.ssoAdmin.send(
                  new DeleteAccountAssignmentCommand(input),
                  { abortSignal: signal },
                )
              ).AccountAssignmentDeletionStatus;
        status ??= {};
      } catch (error) {
        if (
          kind === 'delete' &&
          nameOf(error) === 'ResourceNotFoundException'
        ) {
          // The permission set is gone, and every assignment of it with it.
          return { Status: 'SUCCEEDED' };
        }
        if (nameOf(error) !== 'ConflictException' || !(await waits.next())) {
          throw writeError(`${operation} of ${describe(assignment)}`, error);
        }
      }
    }

    const statusWaits = this.waits(deadline, signal);
    while (status.Status === 'IN_PROGRESS' || !status.Status) {
      if (!status.RequestId) {
        throw new IdentityCenterWriteError(
          `${operation} of ${describe(
            assignment,
          )} answered without a request id`,
          true,
        );
      }
      if (!(await statusWaits.next())) {
        throw new IdentityCenterWriteError(
          `${operation} of ${describe(assignment)} was still ${
            status.Status ?? 'unknown'
          } after ${Math.round(this.polling.timeoutMs / 1000)} s (request ${
            status.RequestId
          })`,
          true,
        );
      }
      try {
        status = await this.describeStatus(
          kind,
          instanceArn,
          status.RequestId,
          signal,
        );
      } catch (error) {
        throw writeError(
          `The status of ${operation} ${status.RequestId} of ${describe(
            assignment,
          )}`,
          error,
        );
      }
    }
    return status;
  }

  private async describeStatus(
    kind: 'create' | 'delete',
    instanceArn: string,
    requestId: string,
    signal: AbortSignal | undefined,
  ): Promise<AccountAssignmentOperationStatus> {
    const { ssoAdmin } = this.clients;
    const status =
      kind === 'create'
        ? (
            await ssoAdmin.send(
              new DescribeAccountAssignmentCreationStatusCommand({
                InstanceArn: instanceArn,
                AccountAssignmentCreationRequestId: requestId,
              }),
              { abortSignal: signal },
            )
          ).AccountAssignmentCreationStatus
        : (
            await ssoAdmin.send(
              new DescribeAccountAssignmentDeletionStatusCommand({
                InstanceArn: instanceArn,
                AccountAssignmentDeletionRequestId: requestId,
              }),
              { abortSignal: signal },
            )
          ).AccountAssignmentDeletionStatus;
    return { RequestId: requestId, ...status };
  }

  /**
   * Growing waits: each `next()` sleeps the next interval (the first, then doubling up
   * to the maximum) and resolves false, without sleeping, once the deadline has passed.
   */
  private waits(deadline: number, signal: AbortSignal | undefined) {
    let wait = this.polling.firstDelayMs;
    return {
      next: async (): Promise<boolean> => {
        const left = deadline - Date.now();
        if (left <= 0) {
          return false;
        }
        try {
          await delay(Math.min(wait, left), undefined, { signal });
        } catch (error) {
          throw new IdentityCenterWriteError(
            'Stopped while waiting for Identity Center',
            true,
            { cause: error },
          );
        }
        wait = Math.min(wait * 2, this.polling.maxDelayMs);
        return true;
      },
    };
  }
}
