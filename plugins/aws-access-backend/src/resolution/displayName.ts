import { Entity } from '@backstage/catalog-model';

/** What a person is called in the catalog: their profile's display name, else the title. */
export function displayNameOf(entity: Entity | undefined): string | undefined {
  const profile = entity?.spec?.profile as
    | { displayName?: unknown }
    | undefined;
  return typeof profile?.displayName === 'string'
    ? profile.displayName
    : entity?.metadata.title;
}
