import { WarningPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { awsAccessApiRef } from '../../api';
import { useLiveAsync } from '../../hooks/useLiveAsync';
import { awsAccessTranslationRef } from '../../translation';

/**
 * Says so when the data may be out of date (a failed or overdue sync), and why. Shows
 * nothing while the data is fresh or when the status itself cannot be read: the view
 * below reports its own errors.
 */
export function SyncStatusWarning() {
  const api = useApi(awsAccessApiRef);
  const { t } = useTranslationRef(awsAccessTranslationRef);
  const { value } = useLiveAsync(() => api.getStatus(), [api]);
  if (!value?.stale) {
    return null;
  }
  const synced = value.lastSuccessAt
    ? t('syncStatus.dataAsOf', {
        date: new Date(value.lastSuccessAt),
        formatParams: { date: { dateStyle: 'medium', timeStyle: 'short' } },
      })
    : t('syncStatus.neverSynced');
  return (
    <WarningPanel
      severity="warning"
      title={t('syncStatus.title')}
      message={`${
        value.staleReason ?? t('syncStatus.lastSyncFailed')
      } ${synced}`}
    />
  );
}
