import { WarningPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { awsAccessApiRef } from '../../api';
import { useLiveAsync } from '../../hooks/useLiveAsync';

/**
 * Says so when the data may be out of date (a failed or overdue sync), and why. Shows
 * nothing while the data is fresh or when the status itself cannot be read: the view
 * below reports its own errors.
 */
export function SyncStatusWarning() {
  const api = useApi(awsAccessApiRef);
  const { value } = useLiveAsync(() => api.getStatus(), [api]);
  if (!value?.stale) {
    return null;
  }
  const synced = value.lastSuccessAt
    ? `Data as of ${new Date(value.lastSuccessAt).toLocaleString()}.`
    : 'No data has been synced yet.';
  return (
    <WarningPanel
      severity="warning"
      title="AWS access data may be out of date"
      message={`${
        value.staleReason ?? 'The last sync did not succeed.'
      } ${synced}`}
    />
  );
}
