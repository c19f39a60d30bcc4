import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { awsAccessReadPermission } from '@aws-access/backstage-plugin-aws-access-common';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ExpiringCache } from '../cache/ExpiringCache';
import { callerKey } from '../cache/callerKey';

/**
 * Asks the permission policy whether a caller may read AWS access, and remembers each
 * caller's decision for a few seconds so that a burst of requests costs one policy call.
 * A policy change reaches a caller within `ttlMs`.
 */
export class ReadAuthorizer {
  private readonly decisions: ExpiringCache<boolean>;

  constructor(
    private readonly permissions: PermissionsService,
    ttlMs = 10_000,
    maxEntries = 10_000,
  ) {
    this.decisions = new ExpiringCache(ttlMs, maxEntries);
  }

  /** Throws NotAllowedError unless the policy allows the caller to read AWS access. */
  async authorize(credentials: BackstageCredentials): Promise<void> {
    const allowed = await this.decisions.get(
      callerKey(credentials),
      async () => {
        const [decision] = await this.permissions.authorize(
          [{ permission: awsAccessReadPermission }],
          { credentials },
        );
        return decision.result === AuthorizeResult.ALLOW;
      },
    );
    if (!allowed) {
      throw new NotAllowedError(
        `You are not allowed to see AWS access (permission '${awsAccessReadPermission.name}')`,
      );
    }
  }
}
