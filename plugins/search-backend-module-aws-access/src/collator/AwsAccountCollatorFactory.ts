import {
  AWS_ACCOUNT_SEARCH_TYPE,
  AccountIndexResponse,
  awsAccessReadPermission,
} from '@aws-access/backstage-plugin-aws-access-common';
import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { DocumentCollatorFactory } from '@backstage/plugin-search-common';
import { Readable } from 'node:stream';
import { AwsAccountDocument, awsAccountDocument } from './awsAccountDocument';

/**
 * Options of {@link AwsAccountCollatorFactory}.
 *
 * @public
 */
export interface AwsAccountCollatorFactoryOptions {
  auth: AuthService;
  discovery: DiscoveryService;
  /** Accounts per request to the AWS Access backend; at most 100. Defaults to 100. */
  pageSize?: number;
  /** Where the AWS Access page is mounted in the app. Defaults to `/aws-access`. */
  accountsPath?: string;
}

/**
 * Collates every AWS account the AWS Access backend knows into search documents, reading
 * its `/account-index` route page by page with the search plugin's own credentials. The
 * documents are visible to those granted `aws-access.read`.
 *
 * @public
 */
export class AwsAccountCollatorFactory implements DocumentCollatorFactory {
  readonly type = AWS_ACCOUNT_SEARCH_TYPE;
  readonly visibilityPermission = awsAccessReadPermission;

  constructor(private readonly options: AwsAccountCollatorFactoryOptions) {}

  async getCollator(): Promise<Readable> {
    return Readable.from(this.documents());
  }

  private async *documents(): AsyncGenerator<AwsAccountDocument> {
    const { auth, discovery, accountsPath } = this.options;
    const limit = Math.min(this.options.pageSize ?? 100, 100);
    const baseUrl = await discovery.getBaseUrl('aws-access');
    for (let offset = 0; ; offset += limit) {
      const { token } = await auth.getPluginRequestToken({
        onBehalfOf: await auth.getOwnServiceCredentials(),
        targetPluginId: 'aws-access',
      });
      const response = await fetch(
        `${baseUrl}/account-index?offset=${offset}&limit=${limit}`,
        { headers: { Authorization: `Bearer ${token}` } },
      );
      if (!response.ok) {
        throw await ResponseError.fromResponse(response);
      }
      const page = (await response.json()) as AccountIndexResponse;
      for (const entry of page.items) {
        yield awsAccountDocument(entry, accountsPath);
      }
      if (page.items.length === 0 || offset + limit >= page.totalCount) {
        return;
      }
    }
  }
}
