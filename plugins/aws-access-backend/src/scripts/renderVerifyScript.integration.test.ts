/**
 * @jest-environment node
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  planProfiles,
  renderAwsConfig,
} from '@aws-access/backstage-plugin-aws-access-common';
import {
  AWS_V2,
  account,
  awsCliHome,
  settings,
  sso,
} from './__testUtils__/awsCliHome';
import { renderVerifyScript } from './renderVerifyScript';

/*
 * These tests run the real AWS CLI v2 (Debian's awscli, installed by scripts/test.sh) on
 * generated files. Debian's v2 lives at /usr/bin/aws; the `aws` first on PATH may be v1.
 */

describe('the verify script with the real AWS CLI v2', () => {
  const accounts = [
    account('318204556071', 'platform-dev', [
      'PowerUserAccess',
      'ReadOnlyAccess',
    ]),
  ];
  const profiles = planProfiles(accounts, settings);
  const script = renderVerifyScript({
    subject: 'group:default/platform',
    sso,
    profiles,
  });
  const good = renderAwsConfig(profiles, sso, settings);

  function verify(
    configText: string,
    cli = AWS_V2,
    env: NodeJS.ProcessEnv = { DISPLAY: ':0' },
    text = script,
  ) {
    const ws = awsCliHome({ configText });
    const path = join(ws.home, 'verify.sh');
    writeFileSync(path, text);
    chmodSync(path, 0o755);
    const run = spawnSync('sh', [path], {
      env: {
        ...ws.env,
        ...env,
        AWS_CLI: cli,
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { status: run.status, out: run.stdout };
  }

  it('passes every config check on a correct config and fails only the sign-in', () => {
    const { status, out } = verify(good);
    expect(out).toMatch(/^PASS {2}AWS CLI 2\.\d+/m);
    expect(out).toContain(
      "PASS  SSO session 'sikt' (https://d-c3670fd13e.awsapps.com/start, eu-north-1)",
    );
    expect(out).toContain(
      'PASS  profile platform-dev-PowerUserAccess (account 318204556071, role PowerUserAccess)',
    );
    expect(out).toContain(
      'PASS  profile platform-dev-ReadOnlyAccess (account 318204556071, role ReadOnlyAccess)',
    );
    expect(out).toContain("PASS  no stale profiles for session 'sikt'");
    // No one is signed in on a test machine.
    expect(out).toMatch(
      /^FAIL {2}signed in as account 318204556071 with profile platform-dev-PowerUserAccess/m,
    );
    expect(out).toContain('-> run: aws sso login --sso-session sikt\n');
    expect(out.trim().split('\n').pop()).toBe('5 passed, 1 failed');
    expect(status).not.toBe(0);
  });

  it('reports a missing profile', () => {
    const { status, out } = verify(
      renderAwsConfig(profiles.slice(0, 1), sso, settings),
    );
    expect(out).toContain('FAIL  profile platform-dev-ReadOnlyAccess exists');
    expect(status).not.toBe(0);
  });

  it('reports a profile that points at the wrong account', () => {
    const { out } = verify(
      good.replace(
        'sso_account_id = 318204556071',
        'sso_account_id = 999999999999',
      ),
    );
    expect(out).toContain(
      "FAIL  profile platform-dev-PowerUserAccess is account 318204556071, role PowerUserAccess, session sikt (found account '999999999999'",
    );
  });

  it('reports a missing session', () => {
    const { out } = verify(good.replace(/\[sso-session sikt\][^[]*/, ''));
    expect(out).toMatch(/^FAIL {2}SSO session 'sikt' configured in /m);
  });

  it('reports stale profiles of the same session', () => {
    const stale = `${good}\n[profile old-team-account]\nsso_session = sikt\nsso_account_id = 123123123123\nsso_role_name = Gone\n`;
    const { out } = verify(stale);
    expect(out).toContain(
      "FAIL  no stale profiles for session 'sikt' (found: old-team-account)",
    );
  });

  /** The real CLI behind a wrapper that reports another version. */
  function cliReporting(version: string) {
    const dir = mkdtempSync(join(tmpdir(), 'aws-fake-'));
    const fake = join(dir, 'aws');
    writeFileSync(
      fake,
      `#!/bin/sh\nif [ "$1" = "--version" ]; then echo "aws-cli/${version} Python/3.11.7 Linux/6 botocore/1.43.11"; exit 0; fi\nexec ${AWS_V2} "$@"\n`,
    );
    chmodSync(fake, 0o755);
    return fake;
  }

  it('says to sign in with a device code over SSH with CLI 2.22 and later', () => {
    const { out } = verify(good, cliReporting('2.22.0'), {
      SSH_CONNECTION: '10.0.0.1 50000 10.0.0.2 22',
      DISPLAY: ':0',
    });
    expect(out).toContain(
      '-> run: aws sso login --sso-session sikt --use-device-code (this is an SSH session: since AWS CLI 2.22 the browser must reach the CLI on 127.0.0.1, so sign in with a device code',
    );
  });

  it('notices a Linux host without a display, and knows older CLIs use the device code anyway', () => {
    const headless = verify(good, cliReporting('2.31.4'), {});
    expect(headless.out).toContain(
      '-> run: aws sso login --sso-session sikt --use-device-code (this Linux host has no display:',
    );
    const older = verify(good, AWS_V2, {});
    expect(older.out).toContain(
      '-> run: aws sso login --sso-session sikt (this Linux host has no display: AWS CLI 2.9 signs in with a device code by default',
    );
  });

  it('uses the device code when the reader said they work on a remote machine', () => {
    const remoteScript = renderVerifyScript({
      subject: 'group:default/platform',
      sso,
      profiles,
      remote: true,
    });
    const { out } = verify(
      good,
      cliReporting('2.22.1'),
      { DISPLAY: ':0' },
      remoteScript,
    );
    expect(out).toContain(
      '-> run: aws sso login --sso-session sikt --use-device-code (you work on a remote machine:',
    );
  });

  it('recognises AWS CLI v1 and says what to do', () => {
    const fakeV1 = cliReporting('1.45.11');
    const { out } = verify(good, fakeV1);
    expect(out).toContain(
      'FAIL  AWS CLI 2.9 or newer (found 1.45, which is AWS CLI v1)',
    );
  });
});
