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
export { FakeAwsSignIn } from './signIn/FakeAwsSignIn';
export type { FakeAwsSignInOptions } from './signIn/FakeAwsSignIn';
export { SignInServices } from './signIn/SignInServices';
export type { HoldsRole, SignInCall } from './signIn/SignInServices';
export { ssoTokenCachePath } from './signIn/ssoTokenCache';
export type { SsoSignIn } from './signIn/ssoTokenCache';
