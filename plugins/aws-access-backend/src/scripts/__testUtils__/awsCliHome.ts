import { execFileSync } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  AwsAccountAccess,
  AwsOrganizationSettings,
  DEFAULT_ORGANIZATION_ID,
} from '@aws-access/backstage-plugin-aws-access-common';

/** Debian's AWS CLI v2; the `aws` first on PATH may be v1. */
export const AWS_V2 = process.env.AWS_CLI_V2 ?? '/usr/bin/aws';

/** The example organisation as the backend reads it: session `sikt`, plain profile names. */
export const organization: AwsOrganizationSettings = {
  id: DEFAULT_ORGANIZATION_ID,
  title: 'Sikt',
  sso: {
    sessionName: 'sikt',
    startUrl: 'https://d-c3670fd13e.awsapps.com/start',
    ssoRegion: 'eu-north-1',
    registrationScopes: 'sso:account:access',
  },
  profiles: {
    defaultRegion: 'eu-north-1',
    regions: ['eu-north-1', 'eu-west-1'],
    output: 'json',
    profileNameTemplate: '{accountName}-{roleName}',
  },
};
export const { sso, profiles: settings } = organization;

/** A second organisation with its own session, start URL, region and output. */
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
    profileNameTemplate: '{org}-{accountName}-{roleName}',
  },
};

/** An account of the organisation (default: the first) with the given roles, each granted via `g`. */
export function account(
  id: string,
  name: string,
  roles: string[],
  org: string = DEFAULT_ORGANIZATION_ID,
): AwsAccountAccess {
  return {
    organization: org,
    id,
    name,
    roles: roles.map(r => ({ name: r, grantedVia: ['g'] })),
  };
}

export interface AwsCliHome {
  home: string;
  /** Where the CLI and the scripts read the config: ~/.aws/config by default. */
  config: string;
  /** Nothing of the machine's own AWS configuration, only PATH. */
  env: NodeJS.ProcessEnv;
}

/** A temporary HOME, with a config file when `configText` is given. */
export function awsCliHome(
  options: { configText?: string; configEnv?: boolean } = {},
): AwsCliHome {
  const home = mkdtempSync(join(tmpdir(), 'aws-access-scripts-'));
  const config = options.configEnv
    ? join(home, 'elsewhere', 'aws-config')
    : join(home, '.aws', 'config');
  if (options.configText !== undefined) {
    mkdirSync(dirname(config), { recursive: true });
    writeFileSync(config, options.configText);
  }
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_CLI: AWS_V2,
    AWS_PAGER: '',
    TMPDIR: tmpdir(),
    ...(options.configEnv && { AWS_CONFIG_FILE: config }),
  };
  return { home, config, env };
}

/** Runs the real AWS CLI v2 on the home's config file. */
export function aws(ws: AwsCliHome, ...args: string[]): string {
  return execFileSync(AWS_V2, args, {
    env: { ...ws.env, AWS_CONFIG_FILE: ws.config },
    encoding: 'utf8',
  }).trim();
}

/** A profile as AWS CLI v2 resolves it before signing in. */
export interface CliProfile {
  region: string | null;
  output: string | null;
  /** What the CLI signs in with; `null` for a profile that does not use SSO. */
  sso?: Record<string, string> | null;
  /** Why the CLI would not sign in with the profile. */
  error?: string;
}

/** The Python that runs Debian's AWS CLI v2, read from the first line of the script. */
function cliPython(): string {
  const fd = openSync(AWS_V2, 'r');
  const head = Buffer.alloc(200);
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const match = /^#!\s*(\S*python\S*)/.exec(head.toString('latin1'));
  if (!match) {
    throw new Error(
      `${AWS_V2} is not the Python AWS CLI v2 (Debian's awscli) that these tests resolve profiles with`,
    );
  }
  return match[1];
}

/**
 * Every profile of the home's config file, resolved by the CLI's own session and SSO
 * credential provider in one process: the common package's resolveProfiles.py, which its
 * own CLI test uses too.
 */
export function resolveProfiles(ws: AwsCliHome): Record<string, CliProfile> {
  const program = resolvePackagePath(
    '@aws-access/backstage-plugin-aws-access-common',
    'src/__testUtils__/resolveProfiles.py',
  );
  return JSON.parse(
    execFileSync(cliPython(), [program], {
      env: { ...ws.env, AWS_CONFIG_FILE: ws.config },
      encoding: 'utf8',
    }),
  );
}

/**
 * What every profile resolves to, by name: `ACCOUNT ROLE via SESSION` (or `via START_URL`
 * for legacy profiles), the CLI's error, or `not SSO`; compact enough to compare at once.
 */
export function resolvedProfiles(ws: AwsCliHome): Record<string, string> {
  return Object.fromEntries(
    Object.entries(resolveProfiles(ws)).map(([name, p]) => [
      name,
      p.error ??
        (p.sso
          ? `${p.sso.sso_account_id} ${p.sso.sso_role_name} via ${
              p.sso.sso_session ?? p.sso.sso_start_url
            }`
          : 'not SSO'),
    ]),
  );
}
