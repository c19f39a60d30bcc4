/**
 * AWS Access frontend plugin: each team's AWS accounts and roles with copy-ready
 * AWS CLI configuration. For the new frontend system, import the `/alpha` entry point.
 *
 * @packageDocumentation
 */

export {
  awsAccessPlugin,
  AwsAccessPage,
  EntityAwsAccessCard,
  EntityAwsAccessContent,
  AwsAccountSearchResultListItem,
} from './plugin';
export type { AwsAccountSearchResultListItemProps } from './components/AwsAccountSearchResultListItem';
export { isAwsAccessAvailable } from './isAwsAccessAvailable';
export { awsAccessApiRef, AwsAccessClient } from './api';
export type { AwsAccessApi, RenderOptions } from './api';
