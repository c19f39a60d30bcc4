export { awsAccessApiRef } from './AwsAccessApi';
export type { AwsAccessApi } from './AwsAccessApi';
export { AwsAccessClient } from './AwsAccessClient';
