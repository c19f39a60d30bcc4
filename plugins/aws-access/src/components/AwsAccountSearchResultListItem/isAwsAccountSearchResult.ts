import { AWS_ACCOUNT_SEARCH_TYPE } from '@aws-access/backstage-plugin-aws-access-common';

/** Whether a search result is an AWS account from the AWS Access collator. */
export function isAwsAccountSearchResult(result: { type: string }): boolean {
  return result.type === AWS_ACCOUNT_SEARCH_TYPE;
}
