export {
  AWS_ACCESS_ENTITY_KINDS,
  SIGNED_IN_USER,
  isAwsAccessEntityKind,
} from './entityKinds';
export { DIRECT_ASSIGNMENT, grantingGroups } from './grants';
export { accountIdInText, isAwsAccountId } from './accountId';
export {
  formatSessionDuration,
  sessionDurationMinutes,
} from './sessionDuration';
