import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  AccessGrant,
  AccessGrantAction,
  AccessGrantRequest,
  AccessGrantState,
  AccessGrantsResponse,
  AccessRequest,
  AccessRequestResponse,
  AccountGrantsResponse,
  AccountLookupResponse,
  AccountSearchResponse,
  AwsAccessStatus,
  EntityAccessResponse,
  SIGNED_IN_USER,
} from '@aws-access/backstage-plugin-aws-access-common';
import { AwsAccessApi, RenderOptions } from './AwsAccessApi';

/** `/me` for the signed-in user, else `/entities/{kind}/{namespace}/{name}`. */
function subjectPath(subject: CompoundEntityRef | string): string {
  if (subject === SIGNED_IN_USER) {
    return `/${SIGNED_IN_USER}`;
  }
  const { kind, namespace, name } =
    typeof subject === 'string' ? parseEntityRef(subject) : subject;
  return `/entities/${[kind, namespace, name]
    .map(encodeURIComponent)
    .join('/')}`;
}

function renderQuery(options: RenderOptions): string {
  const query = new URLSearchParams();
  if (options.region) query.set('region', options.region);
  if (options.variant) query.set('variant', options.variant);
  if (options.remote) query.set('remote', 'true');
  const text = query.toString();
  return text ? `?${text}` : '';
}

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
    const response = await this.request(`${subjectPath(entityRef)}/accounts`);
    return (await response.json()) as EntityAccessResponse;
  }

  getAwsConfig(
    subject: CompoundEntityRef | string,
    options: RenderOptions = {},
  ): Promise<string> {
    return this.renderedText(subject, 'aws-config', options);
  }

  getVerifyScript(
    subject: CompoundEntityRef | string,
    options: RenderOptions = {},
  ): Promise<string> {
    return this.renderedText(subject, 'verify-script', options);
  }

  getSetupScript(
    subject: CompoundEntityRef | string,
    options: RenderOptions = {},
  ): Promise<string> {
    return this.renderedText(subject, 'setup-script', options);
  }

  async getAccountGrants(
    entityRef: CompoundEntityRef | string,
  ): Promise<AccountGrantsResponse> {
    const response = await this.request(`${subjectPath(entityRef)}/grants`);
    return (await response.json()) as AccountGrantsResponse;
  }

  async getStatus(): Promise<AwsAccessStatus> {
    const response = await this.request('/status');
    return (await response.json()) as AwsAccessStatus;
  }

  async searchAccounts(
    query: string,
    page: { offset?: number; limit?: number } = {},
  ): Promise<AccountSearchResponse> {
    const params = new URLSearchParams({ query });
    if (page.offset !== undefined) params.set('offset', String(page.offset));
    if (page.limit !== undefined) params.set('limit', String(page.limit));
    const response = await this.request(`/accounts?${params}`);
    return (await response.json()) as AccountSearchResponse;
  }

  async getAccount(
    accountId: string,
    options: { organization?: string } = {},
  ): Promise<AccountLookupResponse> {
    const query = options.organization
      ? `?${new URLSearchParams({ organization: options.organization })}`
      : '';
    const response = await this.request(
      `/accounts/${encodeURIComponent(accountId)}${query}`,
    );
    return (await response.json()) as AccountLookupResponse;
  }

  async requestAccess(request: AccessRequest): Promise<AccessRequestResponse> {
    const response = await this.request('/access-requests', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        ...(request.organization && { organization: request.organization }),
        accountId: request.accountId,
        role: request.role,
        group: request.group,
      }),
    });
    return (await response.json()) as AccessRequestResponse;
  }

  async requestTemporaryAccess(
    request: AccessGrantRequest,
  ): Promise<AccessGrant> {
    const response = await this.request('/access-grants', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        ...(request.organization && { organization: request.organization }),
        accountId: request.accountId,
        role: request.role,
        durationMinutes: request.durationMinutes,
        ...(request.reason !== undefined && { reason: request.reason }),
      }),
    });
    return (await response.json()) as AccessGrant;
  }

  async listAccessGrants(
    options: { states?: AccessGrantState[] } = {},
  ): Promise<AccessGrantsResponse> {
    const query = options.states?.length
      ? `?${new URLSearchParams({ state: options.states.join(',') })}`
      : '';
    const response = await this.request(`/access-grants${query}`);
    return (await response.json()) as AccessGrantsResponse;
  }

  approveAccessGrant(id: string): Promise<AccessGrant> {
    return this.decide(id, 'approve', {});
  }

  denyAccessGrant(id: string, reason: string): Promise<AccessGrant> {
    return this.decide(id, 'deny', { reason });
  }

  revokeAccessGrant(id: string, reason?: string): Promise<AccessGrant> {
    return this.decide(id, 'revoke', reason === undefined ? {} : { reason });
  }

  cancelAccessGrant(id: string): Promise<AccessGrant> {
    return this.decide(id, 'cancel', {});
  }

  private async decide(
    id: string,
    action: AccessGrantAction,
    body: { reason?: string },
  ): Promise<AccessGrant> {
    const response = await this.request(
      `/access-grants/${encodeURIComponent(id)}/${action}`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      },
    );
    return (await response.json()) as AccessGrant;
  }

  private async renderedText(
    subject: CompoundEntityRef | string,
    file: 'aws-config' | 'verify-script' | 'setup-script',
    options: RenderOptions,
  ): Promise<string> {
    const response = await this.request(
      `${subjectPath(subject)}/${file}${renderQuery(options)}`,
    );
    return response.text();
  }

  private async request(path: string, init?: RequestInit): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('aws-access');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
