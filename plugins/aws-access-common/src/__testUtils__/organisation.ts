import {
  AwsAccountAccess,
  CliProfileSettings,
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

/** An account with the given roles, each granted via the group `g`. */
export const account = (
  id: string,
  name: string,
  roles: string[],
): AwsAccountAccess => ({
  id,
  name,
  roles: roles.map(r => ({ name: r, grantedVia: ['g'] })),
});

/** Debian's AWS CLI v2; the `aws` first on PATH may be v1. */
export const AWS_V2 = process.env.AWS_CLI_V2 ?? '/usr/bin/aws';
