export { EntityAwsAccess } from './EntityAwsAccess';
