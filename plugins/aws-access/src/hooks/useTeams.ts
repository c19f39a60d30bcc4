import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { GroupEntity, stringifyEntityRef } from '@backstage/catalog-model';
import useAsync from 'react-use/esm/useAsync';

/** A catalog Group as the page lists it. */
export interface Team {
  ref: string;
  /** The display name, e.g. `Payments`, else the title or name. */
  title: string;
  /** Whether the signed-in user's sign-in makes them part of it. */
  own: boolean;
}

function toTeam(entity: GroupEntity, own: ReadonlySet<string>): Team {
  const ref = stringifyEntityRef(entity);
  return {
    ref,
    title:
      entity.spec?.profile?.displayName ??
      entity.metadata.title ??
      entity.metadata.name,
    own: own.has(ref),
  };
}

/** Orders the reader's own teams first, each part by title. */
function ownTeamsFirst(a: Team, b: Team): number {
  return Number(b.own) - Number(a.own) || a.title.localeCompare(b.title);
}

/** The catalog's Groups, the signed-in user's own first. */
export function useTeams() {
  const catalogApi = useApi(catalogApiRef);
  const identityApi = useApi(identityApiRef);
  return useAsync(async () => {
    const [{ items }, identity] = await Promise.all([
      catalogApi.getEntities({
        filter: { kind: 'Group' },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.title',
          'spec.profile',
        ],
      }),
      identityApi.getBackstageIdentity(),
    ]);
    const own = new Set(identity.ownershipEntityRefs);
    return (items as GroupEntity[])
      .map(entity => toTeam(entity, own))
      .sort(ownTeamsFirst);
  }, [catalogApi, identityApi]);
}
