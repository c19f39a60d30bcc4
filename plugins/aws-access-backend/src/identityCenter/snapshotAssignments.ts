import { SnapshotAssignment } from '../snapshot/types';
import { RawAssignment } from './assignmentStrategies';

/**
 * Assignments as the snapshot keeps them: the permission set by name. A permission set
 * whose name is not known yet keeps its ARN, so the assignment is still counted.
 */
export function toSnapshotAssignments(
  assignments: RawAssignment[],
  nameByArn: ReadonlyMap<string, string>,
): SnapshotAssignment[] {
  return assignments.map(a => ({
    accountId: a.accountId,
    permissionSetName: nameByArn.get(a.permissionSetArn) ?? a.permissionSetArn,
    principalType: a.principalType,
    principalId: a.principalId,
  }));
}
