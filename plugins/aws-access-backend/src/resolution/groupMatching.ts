import { Entity, GroupEntity } from '@backstage/catalog-model';
import { ANNOTATION_IDENTITY_CENTER_GROUP } from '@aws-access/backstage-plugin-aws-access-common';
import { SnapshotGroup } from '../snapshot/types';

const same = (a: string, b: string) =>
  a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

/**
 * Finds the Identity Center group a catalog Group stands for: the annotation names it by
 * id or display name; without the annotation, the entity's name or profile display name
 * is compared with the group display names, ignoring case.
 */
export function matchIdentityCenterGroup(
  entity: Entity,
  groups: SnapshotGroup[],
): SnapshotGroup | undefined {
  const annotated =
    entity.metadata.annotations?.[ANNOTATION_IDENTITY_CENTER_GROUP];
  if (annotated !== undefined) {
    const wanted = annotated.trim();
    return (
      groups.find(g => g.id === wanted) ??
      groups.find(g => g.displayName === wanted) ??
      groups.find(g => same(g.displayName, wanted))
    );
  }
  const profileName = (entity as GroupEntity).spec?.profile?.displayName;
  const candidates = [entity.metadata.name, profileName].filter(
    (c): c is string => typeof c === 'string' && c.length > 0,
  );
  return groups.find(g => candidates.some(c => same(c, g.displayName)));
}
