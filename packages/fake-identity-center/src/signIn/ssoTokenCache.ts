import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The IAM Identity Center sign-in a cached token belongs to. */
export interface SsoSignIn {
  /** The `[sso-session NAME]`; absent for legacy profiles, which carry the start URL. */
  sessionName?: string;
  startUrl: string;
  /** The session's `sso_region`: where the portal is. */
  region: string;
}

/**
 * Where AWS CLI v2 caches the access token of a sign-in: `~/.aws/sso/cache/` and the SHA-1
 * of the session name (of the start URL for legacy profiles), as botocore's SSOTokenLoader
 * names it.
 */
export function ssoTokenCachePath(home: string, signIn: SsoSignIn): string {
  const key = createHash('sha1')
    .update(signIn.sessionName ?? signIn.startUrl)
    .digest('hex');
  return join(home, '.aws', 'sso', 'cache', `${key}.json`);
}

/**
 * The cache entry `aws sso login` leaves. The CLI reads accessToken and expiresAt; with
 * more than 15 minutes left it uses the token as it is, so no refresh token or client
 * registration is needed (without them it would not try to refresh anyway).
 */
export function ssoTokenCacheEntry(
  signIn: SsoSignIn,
  accessToken: string,
  expiresAt: Date,
) {
  return {
    startUrl: signIn.startUrl,
    region: signIn.region,
    accessToken,
    expiresAt: expiresAt.toISOString().replace(/\.\d+Z$/, 'Z'),
  };
}

/** Writes the cache entry into the home folder, as `aws sso login` would. */
export function writeSsoTokenCache(
  home: string,
  signIn: SsoSignIn,
  accessToken: string,
  expiresAt: Date,
): string {
  const path = ssoTokenCachePath(home, signIn);
  mkdirSync(join(path, '..'), { recursive: true, mode: 0o700 });
  writeFileSync(
    path,
    JSON.stringify(ssoTokenCacheEntry(signIn, accessToken, expiresAt)),
    { mode: 0o600 },
  );
  return path;
}
