import { execFileSync } from 'node:child_process';
import {
  closeSync,
  mkdtempSync,
  openSync,
  readSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AWS_V2 } from './organisation';

/** A profile as AWS CLI v2 resolves it before signing in (see resolveProfiles.py). */
export interface CliProfile {
  region: string | null;
  output: string | null;
  /** What the CLI signs in with; `null` for a profile that does not use SSO. */
  sso?: {
    sso_account_id: string;
    sso_role_name: string;
    sso_start_url: string;
    sso_region: string;
    /** Absent for legacy profiles, which carry the start URL themselves. */
    sso_session?: string;
  } | null;
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
 * Every profile of the config file `env` points the CLI at, resolved by the CLI's own
 * code in one process.
 */
export function resolveProfiles(
  env: NodeJS.ProcessEnv,
): Record<string, CliProfile> {
  return JSON.parse(
    execFileSync(cliPython(), [join(__dirname, 'resolveProfiles.py')], {
      env,
      encoding: 'utf8',
    }),
  );
}

/**
 * A home folder with the given AWS config file, and a way to run the real AWS CLI v2 on
 * it with nothing of the machine's own configuration.
 */
export function workspace(configText: string) {
  const dir = mkdtempSync(join(tmpdir(), 'aws-access-cli-'));
  const config = join(dir, 'config');
  writeFileSync(config, configText);
  const env = {
    ...process.env,
    HOME: dir,
    AWS_CONFIG_FILE: config,
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
    AWS_PAGER: '',
  };
  const aws = (...args: string[]) =>
    execFileSync(AWS_V2, args, { env, encoding: 'utf8' }).trim();
  return { dir, config, env, aws, profiles: () => resolveProfiles(env) };
}
