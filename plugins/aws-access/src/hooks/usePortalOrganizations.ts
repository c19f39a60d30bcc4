import { useApi } from '@backstage/core-plugin-api';
import { AwsOrganizationStatus } from '@aws-access/backstage-plugin-aws-access-common';
import { awsAccessApiRef } from '../api';
import { useLiveAsync } from './useLiveAsync';

/**
 * Every organisation the portal serves, with its title, from `/status`, for views whose
 * own answer does not carry the settings (the account search). Undefined while `enabled`
 * is false, while loading, or when the status cannot be read.
 */
export function usePortalOrganizations(
  enabled = true,
): AwsOrganizationStatus[] | undefined {
  const api = useApi(awsAccessApiRef);
  const { value } = useLiveAsync(
    async () => (enabled ? api.getStatus() : undefined),
    [api, enabled],
  );
  return value?.organizations;
}
