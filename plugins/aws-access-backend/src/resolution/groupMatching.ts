import {
  Entity,
  GroupEntity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ANNOTATION_ENTRA_GROUP_ID,
  ANNOTATION_IDENTITY_CENTER_GROUP,
} from '@aws-access/backstage-plugin-aws-access-common';
import { SnapshotGroup } from '../snapshot/types';

const same = (a: string, b: string) =>
  a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

export interface GroupMatch {
  group?: SnapshotGroup;
  warnings: string[];
}

export interface GroupMatchingOptions {
  /** Compare the entity's name and profile display name with group display names. */
  byName: boolean;
}

/**
 * Finds the Identity Center group a catalog Group stands for, in this order: the
 * `aws-access/identity-center-group` annotation (group id or display name); the Entra ID
 * object id annotation against the groups' external ids; the entity's name or profile
 * display name against display names, ignoring case, unless turned off.
 */
export function matchIdentityCenterGroup(
  entity: Entity,
  groups: SnapshotGroup[],
  options: GroupMatchingOptions = { byName: true },
): GroupMatch {
  const ref = stringifyEntityRef(entity);
  const warnings: string[] = [];
  const annotations = entity.metadata.annotations ?? {};

  const entraId = annotations[ANNOTATION_ENTRA_GROUP_ID]?.trim();
  const byEntraId = entraId
    ? groups.find(g => g.externalIds.includes(entraId))
    : undefined;

  const annotated = annotations[ANNOTATION_IDENTITY_CENTER_GROUP];
  if (annotated !== undefined) {
    const wanted = annotated.trim();
    if (!wanted) {
      return {
        warnings: [
          `Annotation '${ANNOTATION_IDENTITY_CENTER_GROUP}' on '${ref}' is empty`,
        ],
      };
    }
    const group =
      groups.find(g => g.id === wanted) ??
      groups.find(g => g.displayName === wanted) ??
      groups.find(g => same(g.displayName, wanted));
    if (!group) {
      warnings.push(
        `Annotation '${ANNOTATION_IDENTITY_CENTER_GROUP}' on '${ref}' names '${wanted}', which is not an IAM Identity Center group id or display name`,
      );
    } else if (byEntraId && byEntraId.id !== group.id) {
      warnings.push(
        `Annotations '${ANNOTATION_IDENTITY_CENTER_GROUP}' and '${ANNOTATION_ENTRA_GROUP_ID}' on '${ref}' point at different groups ('${group.displayName}' and '${byEntraId.displayName}'); using '${group.displayName}'`,
      );
    }
    return { group, warnings };
  }
  if (byEntraId) {
    return { group: byEntraId, warnings };
  }
  if (!options.byName) {
    return { warnings };
  }
  const profileName = (entity as GroupEntity).spec?.profile?.displayName;
  const candidates = [entity.metadata.name, profileName].filter(
    (c): c is string => typeof c === 'string' && c.length > 0,
  );
  return {
    group: groups.find(g => candidates.some(c => same(c, g.displayName))),
    warnings,
  };
}
