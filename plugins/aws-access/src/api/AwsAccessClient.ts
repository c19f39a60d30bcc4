import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  AwsAccessStatus,
  EntityAccessResponse,
} from '@aws-access/backstage-plugin-aws-access-common';
import { AwsAccessApi } from './AwsAccessApi';

/**
 * Talks to the aws-access backend with the signed-in user's Backstage token.
 *
 * @public
 */
export class AwsAccessClient implements AwsAccessApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getEntityAccess(
    entityRef: CompoundEntityRef | string,
  ): Promise<EntityAccessResponse> {
    const { kind, namespace, name } =
      typeof entityRef === 'string' ? parseEntityRef(entityRef) : entityRef;
    const path = [kind, namespace, name].map(encodeURIComponent).join('/');
    return this.get(`/entities/${path}/accounts`);
  }

  async getStatus(): Promise<AwsAccessStatus> {
    return this.get('/status');
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('aws-access');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
