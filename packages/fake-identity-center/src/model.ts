/** The organisation a fake Identity Center serves. */
export interface FakeOrg {
  instanceArn: string;
  identityStoreId: string;
  accounts: Array<{
    id: string;
    name: string;
    email: string;
    state?: 'ACTIVE' | 'SUSPENDED' | 'PENDING_CLOSURE';
  }>;
  permissionSets: Array<{
    arn: string;
    name: string;
    description?: string;
    sessionDuration?: string;
  }>;
  groups: Array<{
    id: string;
    displayName: string;
    externalIds?: Array<{ issuer: string; id: string }>;
  }>;
  users?: Array<{ id: string; userName: string; emails?: string[] }>;
  assignments: Array<{
    accountId: string;
    permissionSetArn: string;
    principalType: 'GROUP' | 'USER';
    principalId: string;
  }>;
}

/** How the fake misbehaves; every field can be changed while it runs. */
export interface FakeBehaviour {
  /** Requests per second all sso-admin operations share (AWS: 20); beyond it, ThrottlingException. */
  ssoAdminRequestsPerSecond?: number;
  /** Requests per second all Organizations operations share; beyond it, TooManyRequestsException. */
  organizationsRequestsPerSecond?: number;
  /** Operations answered with AccessDeniedException, e.g. `ListAccountAssignmentsForPrincipal`. */
  deniedOperations?: string[];
  /** After this many requests in total, every request gets HTTP 500 (an outage mid-sync). */
  failAfterRequests?: number;
  /** Answer every n-th sso-admin request with ThrottlingException regardless of the rate. */
  throttleEveryNth?: number;
  /** Delay before each answer, in milliseconds. */
  latencyMs?: number;
  /**
   * How long CreateAccountAssignment and DeleteAccountAssignment stay IN_PROGRESS before
   * they settle (and the assignment appears in or leaves the listings); default 300 ms.
   */
  assignmentStatusDelayMs?: number;
  /**
   * A delete of an assignment that does not exist ends FAILED ("no account assignment …
   * was found") instead of SUCCEEDED. AWS's answer here is undocumented; the default
   * treats such a delete as done.
   */
  failDeleteOfMissingAssignment?: boolean;
}
