import { SIGNED_IN_USER } from '@aws-access/backstage-plugin-aws-access-common';
import { useMemo } from 'react';
import { profileKey } from './profileKey';
import { useEntityAccess } from './useEntityAccess';

/**
 * The reader's own roles by `profileKey`, so that any other entity's view can say which of
 * its roles they hold. Undefined on their own view, while loading, or when it fails: the
 * view then simply says nothing about it.
 */
export function useMyRoles(subject: string): Set<string> | undefined {
  const mine = useEntityAccess(SIGNED_IN_USER);
  const own = subject === SIGNED_IN_USER;
  return useMemo(
    () =>
      own || !mine.value
        ? undefined
        : new Set(
            mine.value.accounts.flatMap(a =>
              a.roles.map(r => profileKey(a.organization, a.id, r.name)),
            ),
          ),
    [own, mine.value],
  );
}
