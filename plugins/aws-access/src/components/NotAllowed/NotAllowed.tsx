import { EmptyState } from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';

/** Whether a failed request was refused by the permission policy (403). */
export function isNotAllowed(error: unknown): error is ResponseError {
  return error instanceof ResponseError && error.statusCode === 403;
}

/** A denial said plainly, with the backend's reason, instead of an error dump. */
export function NotAllowed({ error }: { error: ResponseError }) {
  return (
    <EmptyState
      missing="info"
      title="You may not see AWS access here"
      description={`${error.body.error.message}. Ask your Backstage administrators if you need it.`}
    />
  );
}
