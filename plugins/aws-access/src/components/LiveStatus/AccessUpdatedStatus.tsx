import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { awsAccessTranslationRef } from '../../translation';
import { LiveStatus } from './LiveStatus';

/**
 * Tells screen-reader users that the access shown was reloaded after the backend signalled
 * a change (`updatedAt` from useLiveAsync); sighted readers see the new access itself.
 */
export function AccessUpdatedStatus({ updatedAt }: { updatedAt?: string }) {
  const { t } = useTranslationRef(awsAccessTranslationRef);
  return (
    <LiveStatus
      message={updatedAt && t('live.updated')}
      messageKey={updatedAt}
    />
  );
}
