export {
  DEFAULT_ASSIGNMENT_STATUS_DELAY_MS,
  FakeIdentityCenter,
} from './FakeIdentityCenter';
export type { ErrorFailure, WriteOperation } from './FakeIdentityCenter';
export {
  assignmentNotFoundReason,
  principalNotFoundReason,
} from './assignmentWrites';
export type {
  AssignmentOperation,
  AssignmentOperationKind,
  StatusFailure,
} from './assignmentWrites';
export { generateOrg } from './generateOrg';
export type { OrgShape } from './generateOrg';
export type { FakeBehaviour, FakeOrg } from './model';
