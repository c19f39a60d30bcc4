/**
 * Backstage search collator for AWS Access: AWS accounts by id, name, environment, team
 * and role, each linking to its page in AWS Access.
 *
 * @packageDocumentation
 */

export { searchModuleAwsAccessCollator as default } from './module';
export {
  AwsAccountCollatorFactory,
  type AwsAccountCollatorFactoryOptions,
} from './collator/AwsAccountCollatorFactory';
export {
  awsAccountDocument,
  type AwsAccountDocument,
} from './collator/awsAccountDocument';
