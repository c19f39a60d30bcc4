import {
  BackstageCredentials,
  BackstagePrincipalTypes,
} from '@backstage/backend-plugin-api';

/**
 * Who is asking, as a cache key: a user ref, a service subject, or the principal type.
 * Every cache of answers that depend on the caller keys on it, so one caller's answer is
 * never served to another.
 */
export function callerKey(credentials: BackstageCredentials): string {
  const principal = credentials.principal as
    | BackstagePrincipalTypes['user']
    | BackstagePrincipalTypes['service']
    | { type: string };
  if ('userEntityRef' in principal) {
    return `user:${principal.userEntityRef}`;
  }
  if ('subject' in principal) {
    return `service:${principal.subject}`;
  }
  return principal.type;
}
