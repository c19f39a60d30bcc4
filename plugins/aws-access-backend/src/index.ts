/**
 * AWS Access backend plugin: IAM Identity Center accounts, permission sets and
 * assignments for Backstage catalog entities.
 *
 * @packageDocumentation
 */

export { awsAccessPlugin as default } from './plugin';
export {
  awsAccessGrantConditions,
  createAwsAccessGrantConditionalDecision,
} from './permissions/grantPermissions';
