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

/** The groups of one organisation, to match catalog Groups against. */
export interface OrganizationGroups {
  organization: string;
  groups: SnapshotGroup[];
}

/** An Identity Center group a catalog Group stands for, in one organisation. */
export interface GroupMatch {
  organization: string;
  group: SnapshotGroup;
}

export interface GroupMatches {
  /** At most one group per organisation, in organisation order. */
  matches: GroupMatch[];
  warnings: string[];
}

export interface GroupMatchingOptions {
  /** Compare the entity's name and profile display name with group display names. */
  byName: boolean;
  /**
   * Every organisation id of the portal, those without data included, so that a
   * qualified entry is read as one while its organisation has no data; defaults to the
   * organisations given.
   */
  organizationIds?: string[];
}

/** One entry of the annotation: a group id or display name, for one organisation or any. */
interface Wanted {
  organization?: string;
  value: string;
}

/**
 * Reads the `aws-access/identity-center-group` annotation: a comma-separated list of group
 * ids or display names, each optionally qualified by an organisation id (`prod:1234…`). A
 * prefix that is no organisation's id is part of the name.
 */
function wantedGroups(annotation: string, organizations: string[]): Wanted[] {
  return annotation
    .split(',')
    .map(entry => entry.trim())
    .filter(Boolean)
    .map(entry => {
      const colon = entry.indexOf(':');
      const prefix = colon > 0 ? entry.slice(0, colon) : undefined;
      const value = colon > 0 ? entry.slice(colon + 1).trim() : '';
      return prefix && value && organizations.includes(prefix)
        ? { organization: prefix, value }
        : { value: entry };
    });
}

function findGroup(
  groups: SnapshotGroup[],
  wanted: string,
): SnapshotGroup | undefined {
  return (
    groups.find(g => g.id === wanted) ??
    groups.find(g => g.displayName === wanted) ??
    groups.find(g => same(g.displayName, wanted))
  );
}

/**
 * Finds the Identity Center groups a catalog Group stands for, one per organisation at
 * most, in this order: the `aws-access/identity-center-group` annotation (ids or display
 * names, each for one organisation when qualified, else for every organisation); the Entra
 * ID object id annotation against the groups' external ids; the entity's name or profile
 * display name against display names, ignoring case, unless turned off. Matching by Entra
 * id or name applies in every organisation.
 */
export function matchIdentityCenterGroups(
  entity: Entity,
  organizations: OrganizationGroups[],
  options: GroupMatchingOptions = { byName: true },
): GroupMatches {
  const ref = stringifyEntityRef(entity);
  const annotations = entity.metadata.annotations ?? {};
  const entraId = annotations[ANNOTATION_ENTRA_GROUP_ID]?.trim();
  const byEntraId = (groups: SnapshotGroup[]) =>
    entraId ? groups.find(g => g.externalIds.includes(entraId)) : undefined;

  const annotated = annotations[ANNOTATION_IDENTITY_CENTER_GROUP];
  if (annotated !== undefined) {
    const wanted = wantedGroups(
      annotated,
      options.organizationIds ?? organizations.map(o => o.organization),
    );
    if (wanted.length === 0) {
      return {
        matches: [],
        warnings: [
          `Annotation '${ANNOTATION_IDENTITY_CENTER_GROUP}' on '${ref}' is empty`,
        ],
      };
    }
    return matchAnnotated(ref, wanted, organizations, byEntraId);
  }

  const matches: GroupMatch[] = [];
  const profileName = (entity as GroupEntity).spec?.profile?.displayName;
  const candidates = [entity.metadata.name, profileName].filter(
    (c): c is string => typeof c === 'string' && c.length > 0,
  );
  for (const { organization, groups } of organizations) {
    const group =
      byEntraId(groups) ??
      (options.byName
        ? groups.find(g => candidates.some(c => same(c, g.displayName)))
        : undefined);
    if (group) {
      matches.push({ organization, group });
    }
  }
  return { matches, warnings: [] };
}

function matchAnnotated(
  ref: string,
  wanted: Wanted[],
  organizations: OrganizationGroups[],
  byEntraId: (groups: SnapshotGroup[]) => SnapshotGroup | undefined,
): GroupMatches {
  const matches: GroupMatch[] = [];
  const warnings: string[] = [];
  const found = new Set<Wanted>();
  for (const { organization, groups } of organizations) {
    for (const entry of wanted) {
      if (entry.organization && entry.organization !== organization) {
        continue;
      }
      const group = findGroup(groups, entry.value);
      if (!group) {
        continue;
      }
      found.add(entry);
      if (matches.some(m => m.organization === organization)) {
        continue; // the first entry that names a group in an organisation decides
      }
      matches.push({ organization, group });
      const entra = byEntraId(groups);
      if (entra && entra.id !== group.id) {
        warnings.push(
          `Annotations '${ANNOTATION_IDENTITY_CENTER_GROUP}' and '${ANNOTATION_ENTRA_GROUP_ID}' on '${ref}' point at different groups ('${group.displayName}' and '${entra.displayName}'); using '${group.displayName}'`,
        );
      }
    }
  }
  const served = new Set(organizations.map(o => o.organization));
  for (const entry of wanted) {
    // An organisation without data yet cannot say whether it has the group.
    if (entry.organization && !served.has(entry.organization)) {
      continue;
    }
    if (!found.has(entry)) {
      warnings.push(
        entry.organization
          ? `Annotation '${ANNOTATION_IDENTITY_CENTER_GROUP}' on '${ref}' names '${entry.value}' in organisation '${entry.organization}', which is not an IAM Identity Center group id or display name there`
          : `Annotation '${ANNOTATION_IDENTITY_CENTER_GROUP}' on '${ref}' names '${entry.value}', which is not an IAM Identity Center group id or display name`,
      );
    }
  }
  return { matches, warnings };
}
