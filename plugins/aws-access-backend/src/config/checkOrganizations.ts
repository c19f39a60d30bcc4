import { AwsOrganizationSettings } from '@aws-access/backstage-plugin-aws-access-common';
import { AwsAccessConfigError, keyOf } from './AwsAccessConfigError';
import { sharedProfileName } from './profileNameOverlap';

/** What the checks across organisations need to know of one. */
export interface OrganizationToCheck {
  /** Where the organisation's keys are inside `awsAccess`. */
  path: (string | number)[];
  settings: AwsOrganizationSettings;
  /** Where an Identity Center source reads; absent for a static source. */
  identityCenter?: {
    instanceArn?: string;
    identityStoreId?: string;
    accountId?: string;
    region: string;
    ssoAdminEndpoint?: string;
  };
}

/**
 * The access portal a start URL opens, for comparing: the host and path in lower case,
 * without trailing slashes or the portal's own `#/` route.
 */
export function accessPortalOf(startUrl: string): string {
  try {
    const url = new URL(startUrl);
    return `${url.host}${url.pathname.replace(/\/+$/, '')}${
      url.search
    }`.toLowerCase();
  } catch {
    return startUrl.replace(/\/+$/, '').toLowerCase();
  }
}

/**
 * Stops on what several organisations must not share: an id, a session name, an access
 * portal, an Identity Center instance, or a profile name their templates can both give.
 * Each error names the key of the later organisation and the earlier one it clashes with.
 */
export function checkOrganizations(organizations: OrganizationToCheck[]) {
  const fail = (
    org: OrganizationToCheck,
    key: (string | number)[],
    problem: string,
  ): never => {
    throw new AwsAccessConfigError(keyOf([...org.path, ...key]), problem);
  };
  const nameOf = (org: OrganizationToCheck) =>
    `${keyOf(org.path)} ('${org.settings.id}')`;

  /** Fails on the first organisation whose value repeats an earlier one's. */
  const unique = (
    key: (string | number)[],
    valueOf: (org: OrganizationToCheck) => string | undefined,
    problem: (earlier: OrganizationToCheck) => string,
  ) => {
    const seen = new Map<string, OrganizationToCheck>();
    for (const org of organizations) {
      const value = valueOf(org);
      if (value === undefined) {
        continue;
      }
      const earlier = seen.get(value);
      if (earlier) {
        fail(org, key, problem(earlier));
      }
      seen.set(value, org);
    }
  };

  unique(
    ['id'],
    org => org.settings.id,
    earlier =>
      `'${earlier.settings.id}' is already the id of ${keyOf(
        earlier.path,
      )}; each organisation needs its own`,
  );
  unique(
    ['sso', 'sessionName'],
    org => org.settings.sso.sessionName.toLowerCase(),
    earlier =>
      `'${earlier.settings.sso.sessionName}' is already the session of ${nameOf(
        earlier,
      )} (ignoring case); each organisation writes its own [sso-session]`,
  );
  unique(
    ['sso', 'startUrl'],
    org => accessPortalOf(org.settings.sso.startUrl),
    earlier =>
      `is the access portal of ${nameOf(earlier)} too (${
        earlier.settings.sso.startUrl
      }); one portal is one organisation`,
  );
  unique(
    ['identityCenter', 'instanceArn'],
    org => org.identityCenter?.instanceArn,
    earlier =>
      `is the instance of ${nameOf(
        earlier,
      )} too; one instance is one organisation`,
  );
  unique(
    ['identityCenter', 'identityStoreId'],
    org => org.identityCenter?.identityStoreId,
    earlier =>
      `is the identity store of ${nameOf(
        earlier,
      )} too; one instance is one organisation`,
  );
  // Without an instance ARN the instance is found with ListInstances: the same account,
  // region and endpoint find the same one.
  unique(
    ['identityCenter'],
    ({ identityCenter: ic }) =>
      ic && !ic.instanceArn
        ? JSON.stringify([ic.accountId, ic.region, ic.ssoAdminEndpoint])
        : undefined,
    earlier =>
      `reads the same Identity Center instance as ${nameOf(
        earlier,
      )}: the same credentials account, region and endpoint, and no 'instanceArn' to tell them apart`,
  );

  if (organizations.length > 1) {
    checkProfileNames(organizations, fail, nameOf);
  }
}

/**
 * With several organisations, each template must include `{org}`, and no two templates
 * (each with its organisation's id) may give the same profile name: a developer's
 * `--profile` must always mean one account in one organisation.
 */
function checkProfileNames(
  organizations: OrganizationToCheck[],
  fail: (
    org: OrganizationToCheck,
    key: (string | number)[],
    problem: string,
  ) => never,
  nameOf: (org: OrganizationToCheck) => string,
) {
  const KEY = ['profiles', 'nameTemplate'];
  const templateOf = (org: OrganizationToCheck) =>
    org.settings.profiles.profileNameTemplate;
  for (const org of organizations) {
    if (!templateOf(org).includes('{org}')) {
      fail(
        org,
        KEY,
        `'${templateOf(
          org,
        )}' must contain {org} when there are several organisations: account and role names repeat across organisations, and without the organisation in it one profile name could stand for accounts in two of them`,
      );
    }
  }
  organizations.forEach((org, i) => {
    for (const earlier of organizations.slice(0, i)) {
      const name = sharedProfileName(
        { template: templateOf(earlier), org: earlier.settings.id },
        { template: templateOf(org), org: org.settings.id },
      );
      if (name !== undefined) {
        const hint = [org, earlier].every(o =>
          templateOf(o).startsWith('{org}'),
        )
          ? 'use ids neither of which starts with the other and a "-", or follow {org} with a character ids cannot contain, such as "_" or "."'
          : 'start the templates with {org}: text before it can hide where the organisation begins';
        fail(
          org,
          KEY,
          `'${templateOf(org)}' can give the same profile names as ${nameOf(
            earlier,
          )} with '${templateOf(earlier)}', such as '${name}': ${hint}`,
        );
      }
    }
  });
}
