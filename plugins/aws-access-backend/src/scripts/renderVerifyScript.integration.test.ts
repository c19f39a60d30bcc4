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
  organization,
  sandbox,
} from './__testUtils__/awsCliHome';
import { renderVerifyScript } from './renderVerifyScript';

/*
 * These tests run the real AWS CLI v2 (Debian's awscli, installed by scripts/test.sh) on
 * generated files. Debian's v2 lives at /usr/bin/aws; the `aws` first on PATH may be v1.
 * A run launches the CLI for its version, its list of profiles and one sign-in check per
 * session, so the tests check several things per run.
 */

describe('the verify script with the real AWS CLI v2', () => {
  const organizations = [organization, sandbox];
  const profiles = planProfiles(
    [
      account('318204556071', 'platform-dev', [
        'PowerUserAccess',
        'ReadOnlyAccess',
      ]),
      account('999999999999', 'lab', ['ReadOnlyAccess'], 'sandbox'),
    ],
    organizations,
  );
  const script = renderVerifyScript({
    subject: 'group:default/platform',
    organizations,
    profiles,
  });
  const good = renderAwsConfig(profiles, organizations);
  const sikt = profiles.filter(p => p.organization === 'default');
  /** One session is enough where only the sign-in advice is tested. */
  const oneSession = renderVerifyScript({
    subject: 'group:default/platform',
    organizations: [organization],
    profiles: sikt,
  });
  const goodOneSession = renderAwsConfig(sikt, [organization]);

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

  it("passes every config check of both sessions and fails only each session's sign-in", () => {
    const { status, out } = verify(good);
    expect(out.split('\n')).toEqual([
      expect.stringMatching(/^PASS {2}AWS CLI 2\.\d+$/),
      "PASS  SSO session 'sikt' (https://d-c3670fd13e.awsapps.com/start, eu-north-1)",
      'PASS  profile platform-dev-PowerUserAccess (account 318204556071, role PowerUserAccess)',
      'PASS  profile platform-dev-ReadOnlyAccess (account 318204556071, role ReadOnlyAccess)',
      "PASS  no stale profiles for session 'sikt'",
      // No one is signed in on a test machine.
      expect.stringMatching(
        /^FAIL {2}signed in as account 318204556071 with profile platform-dev-PowerUserAccess /,
      ),
      '      -> run: aws sso login --sso-session sikt',
      "PASS  SSO session 'sandbox' (https://d-9067c0ffee.awsapps.com/start, us-east-1)",
      'PASS  profile sandbox-lab-ReadOnlyAccess (account 999999999999, role ReadOnlyAccess)',
      "PASS  no stale profiles for session 'sandbox'",
      expect.stringMatching(
        /^FAIL {2}signed in as account 999999999999 with profile sandbox-lab-ReadOnlyAccess /,
      ),
      '      -> run: aws sso login --sso-session sandbox',
      '8 passed, 2 failed',
      '',
    ]);
    expect(status).not.toBe(0);
  });

  it('reports a missing profile, a wrong account, a missing session and stale profiles, each in its session', () => {
    // The sandbox profile is written as people write by hand: the CLI reads it as the
    // portal's, and so must the checks.
    const byHand = [
      '[profile  "sandbox-lab-ReadOnlyAccess"]',
      'SSO_Session: sandbox',
      'sso_account_id=999999999999',
      '  ; a comment',
      'sso_role_name   =   ReadOnlyAccess',
      '',
    ].join('\n');
    const broken = good
      .replace(/\[profile platform-dev-ReadOnlyAccess\][^[]*/, '')
      .replace('sso_account_id = 318204556071', 'sso_account_id = 111111111111')
      .replace(/\[sso-session sandbox\][^[]*/, '')
      .replace(/\[profile sandbox-lab-ReadOnlyAccess\][^[]*/, byHand)
      .concat(
        '\n[profile old-team-account]\nsso_session = sandbox\nsso_account_id = 123123123123\nsso_role_name = Gone\n',
      );
    const { status, out } = verify(broken);
    expect(out).toContain(
      'FAIL  profile platform-dev-ReadOnlyAccess exists\n      -> add the [profile platform-dev-ReadOnlyAccess] block from the portal',
    );
    expect(out).toContain(
      "FAIL  profile platform-dev-PowerUserAccess is account 318204556071, role PowerUserAccess, session sikt (found account '111111111111', role 'PowerUserAccess', session 'sikt')",
    );
    expect(out).toMatch(/^FAIL {2}SSO session 'sandbox' configured in /m);
    expect(out).toContain(
      "PASS  SSO session 'sikt' (https://d-c3670fd13e.awsapps.com/start, eu-north-1)",
    );
    expect(out).toContain("PASS  no stale profiles for session 'sikt'");
    expect(out).toContain(
      'PASS  profile sandbox-lab-ReadOnlyAccess (account 999999999999, role ReadOnlyAccess)',
    );
    expect(out).toContain(
      "FAIL  no stale profiles for session 'sandbox' (found: old-team-account)",
    );
    expect(status).not.toBe(0);
  });

  it('says so when the AWS CLI cannot read the file', () => {
    const twice = `${good}\n[profile sandbox-lab-ReadOnlyAccess]\nregion = x\n`;
    const { status, out } = verify(twice);
    const file = /Unable to parse config file: (\S+)\)\n/.exec(out)?.[1];
    expect(file).toMatch(/\/\.aws\/config$/);
    expect(out).toBe(
      [
        `FAIL  AWS CLI version readable ('${AWS_V2} --version' said: Unable to parse config file: ${file})`,
        '      -> if that names your config file, correct the file; otherwise reinstall AWS CLI v2',
        `FAIL  the AWS CLI reads ${file} (Unable to parse config file: ${file})`,
        '      -> correct what the message names, then run again',
        '0 passed, 2 failed',
        '',
      ].join('\n'),
    );
    expect(status).not.toBe(0);
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
    const { out } = verify(
      goodOneSession,
      cliReporting('2.22.0'),
      { SSH_CONNECTION: '10.0.0.1 50000 10.0.0.2 22', DISPLAY: ':0' },
      oneSession,
    );
    expect(out).toContain(
      '-> run: aws sso login --sso-session sikt --use-device-code (this is an SSH session: since AWS CLI 2.22 the browser must reach the CLI on 127.0.0.1, so sign in with a device code',
    );
  });

  it('notices a Linux host without a display, and knows older CLIs use the device code anyway', () => {
    const headless = verify(
      goodOneSession,
      cliReporting('2.31.4'),
      {},
      oneSession,
    );
    expect(headless.out).toContain(
      '-> run: aws sso login --sso-session sikt --use-device-code (this Linux host has no display:',
    );
    const older = verify(goodOneSession, AWS_V2, {}, oneSession);
    expect(older.out).toContain(
      '-> run: aws sso login --sso-session sikt (this Linux host has no display: AWS CLI 2.9 signs in with a device code by default',
    );
  });

  it('uses the device code when the reader said they work on a remote machine', () => {
    const remoteScript = renderVerifyScript({
      subject: 'group:default/platform',
      organizations: [organization],
      profiles: sikt,
      remote: true,
    });
    const { out } = verify(
      goodOneSession,
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
    const { out } = verify(
      goodOneSession,
      fakeV1,
      { DISPLAY: ':0' },
      oneSession,
    );
    expect(out).toContain(
      'FAIL  AWS CLI 2.9 or newer (found 1.45, which is AWS CLI v1)',
    );
  });
});
