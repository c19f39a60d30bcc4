import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { awsAccessApiRef } from '../api';

/** Loads the AWS access of one entity, or `'me'`; reloads when the ref changes. */
export function useEntityAccess(entityRef: string) {
  const api = useApi(awsAccessApiRef);
  return useAsync(() => api.getEntityAccess(entityRef), [api, entityRef]);
}
