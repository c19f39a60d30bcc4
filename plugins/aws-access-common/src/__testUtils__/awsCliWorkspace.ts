import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AWS_V2 } from './organisation';

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
  return { dir, config, env, aws };
}
