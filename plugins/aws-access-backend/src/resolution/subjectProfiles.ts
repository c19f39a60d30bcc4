import {
  AwsAccountAccess,
  AwsOrganizationSettings,
  PlannedProfile,
  planProfiles,
} from '@aws-access/backstage-plugin-aws-access-common';

/** The profiles of a subject's accounts, and the organisations they sign in through. */
export interface SubjectProfiles {
  profiles: PlannedProfile[];
  /** The organisations with at least one profile, in configuration order. */
  organizations: AwsOrganizationSettings[];
}

/** Every region some organisation offers for profiles, in configuration order. */
export function offeredRegions(
  organizations: AwsOrganizationSettings[],
): string[] {
  return [...new Set(organizations.flatMap(o => o.profiles.regions))];
}

/**
 * Plans the profiles of a subject's accounts. A region the caller picked becomes the
 * default of each organisation that offers it; the others keep their own default.
 */
export function subjectProfiles(
  accounts: AwsAccountAccess[],
  organizations: AwsOrganizationSettings[],
  region?: string,
): SubjectProfiles {
  const chosen = region
    ? organizations.map(o =>
        o.profiles.regions.includes(region)
          ? { ...o, profiles: { ...o.profiles, defaultRegion: region } }
          : o,
      )
    : organizations;
  const profiles = planProfiles(accounts, chosen);
  return {
    profiles,
    organizations: chosen.filter(o =>
      profiles.some(p => p.organization === o.id),
    ),
  };
}
