import { ResponseError } from '@backstage/errors';

/**
 * The backend's own words for a refusal; for anything else (a proxy's HTML page, a lost
 * connection) the status or the error's message, never a page of markup.
 */
export function errorReason(error: Error): string {
  if (
    error instanceof ResponseError &&
    error.response.headers.get('content-type')?.startsWith('application/json')
  ) {
    return error.body.error.message;
  }
  return error.message;
}
