import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { awsAccessReadPermission } from '@aws-access/backstage-plugin-aws-access-common';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { callerKey } from '../resolution/CallerEntityCache';

/**
 * Asks the permission policy whether a caller may read AWS access, and remembers each
 * caller's decision for a few seconds so that a burst of requests costs one policy call.
 * A policy change reaches a caller within `ttlMs`.
 */
export class ReadAuthorizer {
  private readonly decisions = new Map<
    string,
    { expires: number; allowed: Promise<boolean> }
  >();

  constructor(
    private readonly permissions: PermissionsService,
    private readonly ttlMs = 10_000,
    private readonly maxEntries = 10_000,
  ) {}

  /** Throws NotAllowedError unless the policy allows the caller to read AWS access. */
  async authorize(credentials: BackstageCredentials): Promise<void> {
    if (!(await this.isAllowed(credentials))) {
      throw new NotAllowedError(
        `You are not allowed to see AWS access (permission '${awsAccessReadPermission.name}')`,
      );
    }
  }

  private isAllowed(credentials: BackstageCredentials): Promise<boolean> {
    const key = callerKey(credentials);
    const now = Date.now();
    const cached = this.decisions.get(key);
    if (cached && cached.expires > now) {
      return cached.allowed;
    }
    const allowed = this.permissions
      .authorize([{ permission: awsAccessReadPermission }], { credentials })
      .then(([decision]) => decision.result === AuthorizeResult.ALLOW);
    allowed.catch(() => this.decisions.delete(key));
    if (this.decisions.size >= this.maxEntries) {
      this.decisions.clear();
    }
    this.decisions.set(key, { expires: now + this.ttlMs, allowed });
    return allowed;
  }
}
