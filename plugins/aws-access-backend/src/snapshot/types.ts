import { AwsOrganizationStatus } from '@aws-access/backstage-plugin-aws-access-common';

/** An AWS account as the snapshot knows it. */
export interface SnapshotAccount {
  id: string;
  name: string;
  email?: string;
  environment?: string;
  region?: string;
}

/** An IAM Identity Center permission set. */
export interface SnapshotPermissionSet {
  name: string;
  arn?: string;
  description?: string;
  sessionDuration?: string;
}

/** An IAM Identity Center group. */
export interface SnapshotGroup {
  id: string;
  displayName: string;
  externalIds: string[];
}

/** An IAM Identity Center user that stands for a catalog User. */
export interface SnapshotUser {
  id: string;
  /** The catalog User entity ref it was found for. */
  catalogRef: string;
}

/** One account assignment: a principal holds a permission set in an account. */
export interface SnapshotAssignment {
  accountId: string;
  permissionSetName: string;
  principalType: 'GROUP' | 'USER';
  principalId: string;
}

/** A complete, consistent picture of who holds which role where. */
export interface AccessSnapshot {
  accounts: SnapshotAccount[];
  permissionSets: SnapshotPermissionSet[];
  groups: SnapshotGroup[];
  /** Users with direct assignments; absent in snapshots from before users were synced. */
  users?: SnapshotUser[];
  assignments: SnapshotAssignment[];
}

/** How fresh one organisation's data is; the organisation's id and title are added by its caller. */
export type SourceStatus = Omit<
  AwsOrganizationStatus,
  'id' | 'title' | 'hasData'
>;

/**
 * Where one organisation's current snapshot comes from. The config-declared source
 * answers from memory; the Identity Center source answers from the synced copy in the
 * database.
 */
export interface AccessSnapshotSource {
  /** Throws ServiceUnavailableError while there is no snapshot to serve yet. */
  getSnapshot(): Promise<AccessSnapshot>;
  getStatus(): Promise<SourceStatus>;
}
