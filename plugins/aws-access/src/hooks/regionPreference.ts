import { AwsOrganizationSettings } from '@aws-access/backstage-plugin-aws-access-common';

/*
 * The reader's default region across organisations is ONE choice, offered from the union
 * of the organisations' regions: every organisation that offers the chosen region writes
 * it into its profiles, every other one keeps its own default. Organisations in one
 * partition mostly share their regions, so one choice says what the reader means ("I work
 * in eu-west-1") once; organisations in another partition (GovCloud, China) cannot use it
 * and must not be forced to. It is also what the downloads send: one `region` query
 * parameter, the same rule applied by the backend. With several organisations, no choice
 * (the empty value) means each organisation's own default.
 */

/** Every region a reader may pick: the union of the organisations' regions, in order. */
export function regionChoices(
  organizations: AwsOrganizationSettings[],
): string[] {
  return [...new Set(organizations.flatMap(o => o.profiles.regions))];
}

/**
 * The region in effect for a stored choice. With one organisation it is always one of its
 * regions (its default unless the reader chose another); with several, the empty string
 * stands for "each organisation's default".
 */
export function effectiveRegion(
  stored: string | undefined,
  organizations: AwsOrganizationSettings[],
): string {
  if (organizations.length === 1) {
    const [only] = organizations;
    return stored && only.profiles.regions.includes(stored)
      ? stored
      : only.profiles.defaultRegion;
  }
  return stored && regionChoices(organizations).includes(stored) ? stored : '';
}

/** The organisations with the chosen region as the default of those that offer it. */
export function withPreferredRegion(
  organizations: AwsOrganizationSettings[],
  region: string,
): AwsOrganizationSettings[] {
  return organizations.map(o =>
    region && o.profiles.regions.includes(region)
      ? { ...o, profiles: { ...o.profiles, defaultRegion: region } }
      : o,
  );
}
