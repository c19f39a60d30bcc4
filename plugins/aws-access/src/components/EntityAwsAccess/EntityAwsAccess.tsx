import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { useEntityAccess } from '../../hooks/useEntityAccess';
import { AccessView } from '../AccessView';
import { AnnotationWarnings } from '../AnnotationWarnings';
import { AccessUpdatedStatus } from '../LiveStatus';
import { NotAllowed, isNotAllowed } from '../NotAllowed';
import { SyncStatusWarning } from '../SyncStatusWarning';
import { NoAccountsFound } from './NoAccountsFound';
import { awsAccessTranslationRef } from '../../translation';

/**
 * Everything AWS Access knows about one entity, or `'me'`: loads it and shows, in this
 * order, a denial, an error, progress, the empty state or the accounts.
 */
export function EntityAwsAccess({ entityRef }: { entityRef: string }) {
  const { t } = useTranslationRef(awsAccessTranslationRef);
  const { value, loading, error, updatedAt } = useEntityAccess(entityRef);

  if (isNotAllowed(error)) {
    return <NotAllowed error={error} />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} title={t('entity.loadError')} />;
  }
  if (loading || !value) {
    return <Progress />;
  }
  if (value.accounts.length === 0) {
    return (
      <>
        <AccessUpdatedStatus updatedAt={updatedAt} />
        <AnnotationWarnings warnings={value.warnings} />
        <NoAccountsFound subject={entityRef} entityRef={value.entityRef} />
      </>
    );
  }
  return (
    <>
      <AccessUpdatedStatus updatedAt={updatedAt} />
      <SyncStatusWarning />
      <AnnotationWarnings warnings={value.warnings} />
      <AccessView subject={entityRef} access={value} />
    </>
  );
}
