export { awsAccessApiRef } from './AwsAccessApi';
export type { AwsAccessApi, RenderOptions } from './AwsAccessApi';
export { AwsAccessClient } from './AwsAccessClient';
