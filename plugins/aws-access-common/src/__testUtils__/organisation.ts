import {
  AwsAccountAccess,
  AwsOrganizationSettings,
  CliProfileSettings,
  DEFAULT_ORGANIZATION_ID,
  SsoSessionSettings,
} from '../types';

/** The seed guide's session, as the tests that run the real AWS CLI use it. */
export const sso: SsoSessionSettings = {
  sessionName: 'sikt',
  startUrl: 'https://d-c3670fd13e.awsapps.com/start',
  ssoRegion: 'eu-north-1',
  registrationScopes: 'sso:account:access',
};

export const settings: CliProfileSettings = {
  defaultRegion: 'eu-north-1',
  regions: ['eu-north-1', 'eu-west-1'],
  output: 'json',
  profileNameTemplate: '{accountName}-{roleName}',
};

/** Today's single organisation: the session above, profiles named without `{org}`. */
export const organization: AwsOrganizationSettings = {
  id: DEFAULT_ORGANIZATION_ID,
  title: 'Sikt',
  sso,
  profiles: settings,
};

/**
 * A second organisation with its own session, start URL, region and output, and the same
 * name template, so that the same account name in both gives the same plain name.
 */
export const sandbox: AwsOrganizationSettings = {
  id: 'sandbox',
  title: 'Sandbox',
  sso: {
    sessionName: 'sandbox',
    startUrl: 'https://d-9067c0ffee.awsapps.com/start',
    ssoRegion: 'us-east-1',
    registrationScopes: 'sso:account:access',
  },
  profiles: {
    defaultRegion: 'us-east-1',
    regions: ['us-east-1'],
    output: 'yaml',
    profileNameTemplate: '{accountName}-{roleName}',
  },
};

/** An account of the organisation (default: the first) with the given roles, each granted via `g`. */
export const account = (
  id: string,
  name: string,
  roles: string[],
  org: string = DEFAULT_ORGANIZATION_ID,
): AwsAccountAccess => ({
  organization: org,
  id,
  name,
  roles: roles.map(r => ({ name: r, grantedVia: ['g'] })),
});

/** Debian's AWS CLI v2; the `aws` first on PATH may be v1. */
export const AWS_V2 = process.env.AWS_CLI_V2 ?? '/usr/bin/aws';
