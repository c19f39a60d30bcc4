import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { AwsAccountAccess } from '@aws-access/backstage-plugin-aws-access-common';
import { exampleAwsAccessConfig } from '../../__testUtils__/exampleOrg';
import { readSharedSettings } from '../../config/readSharedSettings';

/** Debian's AWS CLI v2; the `aws` first on PATH may be v1. */
export const AWS_V2 = process.env.AWS_CLI_V2 ?? '/usr/bin/aws';

/** The example organisation's session and profile settings, as the backend reads them. */
export const { sso, profiles: settings } = readSharedSettings(
  exampleAwsAccessConfig,
).cli;

/** An account with the given roles, each granted via the group `g`. */
export function account(
  id: string,
  name: string,
  roles: string[],
): AwsAccountAccess {
  return { id, name, roles: roles.map(r => ({ name: r, grantedVia: ['g'] })) };
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
