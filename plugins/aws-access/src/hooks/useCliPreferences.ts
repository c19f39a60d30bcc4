import { storageApiRef, useApi } from '@backstage/core-plugin-api';
import {
  AwsConfigVariant,
  AwsOrganizationSettings,
} from '@aws-access/backstage-plugin-aws-access-common';
import { useCallback, useMemo } from 'react';
import useObservable from 'react-use/esm/useObservable';
import { effectiveRegion, withPreferredRegion } from './regionPreference';

/** The storage bucket AWS Access keeps per-user choices in. */
export const STORAGE_BUCKET = 'aws-access';

/** One value of the reader's settings, kept up to date across tabs and devices. */
function useStoredValue<T extends string | boolean>(key: string) {
  const storage = useApi(storageApiRef).forBucket(STORAGE_BUCKET);
  const snapshot = useObservable(
    useMemo(() => storage.observe$<T>(key), [storage, key]),
    storage.snapshot<T>(key),
  );
  const set = useCallback(
    (value: T) => storage.set(key, value),
    [storage, key],
  );
  return [snapshot.value, set] as const;
}

/**
 * Whether the reader works on a remote machine (SSH, a container, WSL without a browser),
 * where signing in needs a device code. Components that show a login command read it here.
 */
export function useRemoteSignIn() {
  const [stored, setRemote] = useStoredValue<boolean>('remoteSignIn');
  return { remote: Boolean(stored), setRemote };
}

/**
 * The reader's CLI choices, kept in their Backstage settings (the storage API): the
 * default region for profiles (one choice across organisations, see
 * `regionPreference.ts`), whether their CLI predates `[sso-session]` support, and whether
 * they sign in on a remote machine. `organizations` comes back with the chosen region as
 * the default of every organisation that offers it, ready for `planProfiles`.
 */
export function useCliPreferences(organizations: AwsOrganizationSettings[]) {
  const [stored, setRegion] = useStoredValue<string>('region');
  const [legacy, setLegacyCli] = useStoredValue<boolean>('legacyCli');
  const { remote, setRemote } = useRemoteSignIn();
  const region = effectiveRegion(stored, organizations);
  const preferred = useMemo(
    () => withPreferredRegion(organizations, region),
    [organizations, region],
  );
  const variant: AwsConfigVariant = legacy ? 'legacy' : 'sso-session';
  return {
    region,
    organizations: preferred,
    variant,
    remote,
    setRegion,
    setLegacyCli,
    setRemote,
  };
}
