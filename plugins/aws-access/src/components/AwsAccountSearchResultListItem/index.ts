export * from './AwsAccountSearchResultListItem';
