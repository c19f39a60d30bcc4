import { storageApiRef, useApi } from '@backstage/core-plugin-api';
import {
  AwsConfigVariant,
  CliProfileSettings,
} from '@aws-access/backstage-plugin-aws-access-common';
import { useCallback, useMemo } from 'react';
import useObservable from 'react-use/esm/useObservable';

/** The storage bucket AWS Access keeps per-user choices in. */
export const STORAGE_BUCKET = 'aws-access';

/**
 * The reader's CLI choices, kept in their Backstage settings (the storage API): the
 * default region for profiles and whether their CLI predates `[sso-session]` support.
 */
export function useCliPreferences(settings: CliProfileSettings) {
  const storage = useApi(storageApiRef).forBucket(STORAGE_BUCKET);
  const regionSnapshot = useObservable(
    useMemo(() => storage.observe$<string>('region'), [storage]),
    storage.snapshot<string>('region'),
  );
  const legacySnapshot = useObservable(
    useMemo(() => storage.observe$<boolean>('legacyCli'), [storage]),
    storage.snapshot<boolean>('legacyCli'),
  );
  const stored = regionSnapshot.value;
  const region =
    stored && settings.regions.includes(stored)
      ? stored
      : settings.defaultRegion;
  const variant: AwsConfigVariant = legacySnapshot.value
    ? 'legacy'
    : 'sso-session';

  const setRegion = useCallback(
    (value: string) => storage.set('region', value),
    [storage],
  );
  const setLegacyCli = useCallback(
    (value: boolean) => storage.set('legacyCli', value),
    [storage],
  );
  return { region, variant, setRegion, setLegacyCli };
}
