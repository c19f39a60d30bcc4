import { useApi } from '@backstage/core-plugin-api';
import { awsAccessApiRef } from '../api';
import { useLiveAsync } from './useLiveAsync';

/**
 * Loads the AWS access of one entity, or `'me'`; reloads when the ref changes and when the
 * backend signals changed access data.
 */
export function useEntityAccess(entityRef: string) {
  const api = useApi(awsAccessApiRef);
  return useLiveAsync(() => api.getEntityAccess(entityRef), [api, entityRef]);
}
