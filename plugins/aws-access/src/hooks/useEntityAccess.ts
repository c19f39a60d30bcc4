import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { awsAccessApiRef } from '../api';

/** Loads the AWS access of one entity; reloads when the ref changes. */
export function useEntityAccess(entityRef: string) {
  const api = useApi(awsAccessApiRef);
  return useAsyncRetry(() => api.getEntityAccess(entityRef), [api, entityRef]);
}
