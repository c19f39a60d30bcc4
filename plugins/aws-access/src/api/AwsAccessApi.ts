import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  AccessGrant,
  AccessGrantRequest,
  AccessGrantState,
  AccessGrantsResponse,
  AccessRequest,
  AccessRequestResponse,
  AccountGrantsResponse,
  AccountLookupResponse,
  AccountSearchResponse,
  AwsAccessStatus,
  AwsConfigVariant,
  EntityAccessResponse,
} from '@aws-access/backstage-plugin-aws-access-common';

/**
 * Options for rendered downloads.
 *
 * @public
 */
export interface RenderOptions {
  /** The reader's default region; one of the configured regions. */
  region?: string;
  /** `legacy` for AWS CLIs older than 2.9, whose profiles carry the start URL themselves. */
  variant?: AwsConfigVariant;
  /** Sign in with a device code: the reader works on a remote machine. */
  remote?: boolean;
}

/**
 * Reads AWS access from the aws-access backend.
 *
 * @public
 */
export interface AwsAccessApi {
  /** The accounts and roles of a catalog entity, with the CLI settings to render them. */
  getEntityAccess(
    entityRef: CompoundEntityRef | string,
  ): Promise<EntityAccessResponse>;

  /**
   * The complete `~/.aws/config` text for an entity, or for the signed-in user with `'me'`:
   * the same text the browser renders with the same options.
   */
  getAwsConfig(
    subject: CompoundEntityRef | string,
    options?: RenderOptions,
  ): Promise<string>;

  /** A shell script that checks a machine's AWS CLI setup for an entity or `'me'`. */
  getVerifyScript(
    subject: CompoundEntityRef | string,
    options?: RenderOptions,
  ): Promise<string>;

  /**
   * A shell script that installs and updates the profiles of an entity or `'me'` in the
   * machine's AWS config file, inside one managed block, then runs the verify checks.
   */
  getSetupScript(
    subject: CompoundEntityRef | string,
    options?: RenderOptions,
  ): Promise<string>;

  /** For a Resource that stands for an AWS account: which groups hold which roles there. */
  getAccountGrants(
    entityRef: CompoundEntityRef | string,
  ): Promise<AccountGrantsResponse>;

  /** How fresh the served data is. */
  getStatus(): Promise<AwsAccessStatus>;

  /**
   * Accounts across every organisation matching an account id (or an ARN holding one), part
   * of a name or a permission set name, best first, one page at a time.
   */
  searchAccounts(
    query: string,
    page?: { offset?: number; limit?: number },
  ): Promise<AccountSearchResponse>;

  /**
   * One account: every role in it, the teams that grant them and the caller's own.
   * `organization` says which organisation's account is meant; without it the backend
   * refuses an id that several organisations know.
   */
  getAccount(
    accountId: string,
    options?: { organization?: string },
  ): Promise<AccountLookupResponse>;

  /**
   * Asks the catalog team behind an Identity Center group to add the signed-in user to it,
   * with a Backstage notification; needs `awsAccess.requestAccess.notifyTeam`.
   */
  requestAccess(request: AccessRequest): Promise<AccessRequestResponse>;

  /**
   * Asks for a role for a while (temporary access): pending until an approver decides, or
   * approved at once for a self-service permission set. The backend checks it against the
   * organisation's policy.
   */
  requestTemporaryAccess(request: AccessGrantRequest): Promise<AccessGrant>;

  /**
   * The caller's own temporary-access requests and those they may decide on, newest first;
   * with `states`, every grant in those states (needs `aws-access.grant.audit`).
   */
  listAccessGrants(options?: {
    states?: AccessGrantState[];
  }): Promise<AccessGrantsResponse>;

  /** Approves a pending request; never the caller's own. */
  approveAccessGrant(id: string): Promise<AccessGrant>;

  /** Denies a pending request, saying why. */
  denyAccessGrant(id: string, reason: string): Promise<AccessGrant>;

  /** Takes an active grant back before it expires, optionally saying why. */
  revokeAccessGrant(id: string, reason?: string): Promise<AccessGrant>;

  /** Withdraws the caller's own pending request. */
  cancelAccessGrant(id: string): Promise<AccessGrant>;
}

/**
 * API reference for {@link AwsAccessApi}.
 *
 * @public
 */
export const awsAccessApiRef = createApiRef<AwsAccessApi>({
  id: 'plugin.aws-access.api',
});
