/** Settings of the Identity Center source, after validation (see readAwsAccessConfig). */
export interface IdentityCenterSettings {
  /** Home region of the Identity Center instance. */
  region: string;
  /** Region for Organizations calls (its endpoint lives in us-east-1 in the commercial partition). */
  organizationsRegion: string;
  instanceArn?: string;
  identityStoreId?: string;
  /** Account whose credentials to use (management or delegated administrator); main account when absent. */
  accountId?: string;
  /** Budget shared by all sso-admin calls; AWS allows 20 requests per second. */
  requestsPerSecond: number;
  /** Budget of the Organizations calls, a quota of its own. */
  organizationsRequestsPerSecond: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** SDK attempts per request, first try included. */
  maxAttempts: number;
  endpoints: {
    ssoAdmin?: string;
    identityStore?: string;
    organizations?: string;
  };
}
