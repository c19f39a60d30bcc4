import { WarningPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { AwsOrganizationStatus } from '@aws-access/backstage-plugin-aws-access-common';
import { awsAccessApiRef } from '../../api';
import { useLiveAsync } from '../../hooks/useLiveAsync';
import { AwsAccessTranslate, awsAccessTranslationRef } from '../../translation';

/** Why one organisation's data may be out of date, and as of when it is. */
function describe(t: AwsAccessTranslate, status: AwsOrganizationStatus) {
  const synced = status.lastSuccessAt
    ? t('syncStatus.dataAsOf', {
        date: new Date(status.lastSuccessAt),
        formatParams: { date: { dateStyle: 'medium', timeStyle: 'short' } },
      })
    : t('syncStatus.neverSynced');
  return `${status.staleReason ?? t('syncStatus.lastSyncFailed')} ${synced}`;
}

/**
 * Says so when the data may be out of date (a failed or overdue sync), and why: for each
 * organisation whose data is stale or missing, named by its title when the portal serves
 * several; the others are fine and go unmentioned. Shows nothing while the data is fresh
 * or when the status itself cannot be read: the view below reports its own errors.
 */
export function SyncStatusWarning() {
  const api = useApi(awsAccessApiRef);
  const { t } = useTranslationRef(awsAccessTranslationRef);
  const { value } = useLiveAsync(() => api.getStatus(), [api]);
  if (!value?.stale) {
    return null;
  }
  const several = value.organizations.length > 1;
  const lines = value.organizations
    .filter(o => o.stale || !o.hasData)
    .map(o =>
      several
        ? t('syncStatus.organization', {
            organization: o.title,
            message: describe(t, o),
          })
        : describe(t, o),
    );
  return (
    <WarningPanel
      severity="warning"
      title={t('syncStatus.title')}
      message={
        lines.length > 1 ? (
          <>
            {lines.map(line => (
              <div key={line}>{line}</div>
            ))}
          </>
        ) : (
          lines[0] ?? t('syncStatus.lastSyncFailed')
        )
      }
    />
  );
}
