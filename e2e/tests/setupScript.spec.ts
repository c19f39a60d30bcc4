import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

// Debian's AWS CLI v2; the `aws` first on PATH may be v1.
const AWS_V2 = process.env.AWS_CLI_V2 ?? '/usr/bin/aws';
const teamPage = '/aws-access?team=group%3Adefault%2Fplatform';

const mine = '# my own\n[profile personal]\nregion = eu-central-1\n';

test('"Set up this machine" downloads a script that installs the team\'s profiles beside the user\'s own', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto(teamPage);
  const remote = page.getByRole('checkbox', {
    name: 'I work on a remote machine (SSH, container, WSL)',
  });
  // The settings backend stores the choice; the box shows it once stored.
  const saved = page.waitForResponse(
    r =>
      r.url().includes('/api/user-settings/') && r.request().method() === 'PUT',
  );
  await remote.click();
  await saved;
  await expect(remote).toBeChecked();
  await expect(
    page
      .getByRole('region', {
        name: 'Token has expired, or "Error loading SSO Token"',
      })
      .getByText('aws sso login --sso-session sikt --use-device-code'),
  ).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Set up this machine' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('setup-aws-access.sh');
  const dialog = page.getByRole('dialog', { name: 'Set up this machine' });
  await expect(dialog.getByText('sh setup-aws-access.sh')).toBeVisible();

  const home = mkdtempSync(join(tmpdir(), 'aws-access-e2e-setup-'));
  const script = join(home, 'setup-aws-access.sh');
  copyFileSync(await download.path(), script);
  expect(readFileSync(script, 'utf8')).toContain('REMOTE=1\n');
  mkdirSync(join(home, '.aws'));
  const config = join(home, '.aws', 'config');
  writeFileSync(config, mine);
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    AWS_CLI: AWS_V2,
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    SSH_CONNECTION: '10.0.0.1 50000 10.0.0.2 22',
  };
  const run = spawnSync('/bin/sh', [script], { env, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stdout).toContain(
    'added    [profile platform-prod-AdministratorAccess]',
  );
  expect(run.stdout).toContain("PASS  SSO session 'sikt'");
  expect(run.stdout).toContain(
    'PASS  profile platform-prod-AdministratorAccess (account 318204556245, role AdministratorAccess)',
  );
  // Nobody is signed in here; the advice is for an SSH session.
  expect(run.stdout).toContain('this is an SSH session');

  const text = readFileSync(config, 'utf8');
  expect(text.endsWith(mine)).toBe(true);
  const profiles = execFileSync(AWS_V2, ['configure', 'list-profiles'], {
    env,
    encoding: 'utf8',
  })
    .trim()
    .split('\n');
  expect(profiles).toContain('personal');
  expect(profiles).toContain('platform-prod-AdministratorAccess');
  expect(
    execFileSync(
      AWS_V2,
      [
        'configure',
        'get',
        'sso_account_id',
        '--profile',
        'platform-prod-AdministratorAccess',
      ],
      { env, encoding: 'utf8' },
    ).trim(),
  ).toBe('318204556245');

  const again = spawnSync('/bin/sh', [script, '--no-verify'], {
    env,
    encoding: 'utf8',
  });
  expect(again.status).toBe(0);
  expect(again.stdout).toContain('No change: ');
  expect(readFileSync(config, 'utf8')).toBe(text);
});
