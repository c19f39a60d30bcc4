import { EmptyState } from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { awsAccessTranslationRef } from '../../translation';

/** Whether a failed request was refused by the permission policy (403). */
export function isNotAllowed(error: unknown): error is ResponseError {
  return error instanceof ResponseError && error.statusCode === 403;
}

/** A denial said plainly, with the backend's reason, instead of an error dump. */
export function NotAllowed({ error }: { error: ResponseError }) {
  const { t } = useTranslationRef(awsAccessTranslationRef);
  return (
    <EmptyState
      missing="info"
      title={t('notAllowed.title')}
      description={t('notAllowed.description', {
        reason: error.body.error.message,
      })}
    />
  );
}
