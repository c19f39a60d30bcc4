/**
 * @jest-environment node
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AwsOrganizationSettings,
  planProfiles,
  renderAwsConfig,
} from '@aws-access/backstage-plugin-aws-access-common';
import { FakeAwsSignIn } from '@aws-access/fake-identity-center';
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
 * session, so the tests check several things per run. Every run goes through a fake AWS
 * sign-in (an HTTPS proxy that answers as the Identity Center portal and STS): a session
 * is signed in when the test caches a token for it, as `aws sso login` would, and no run
 * reaches AWS. The CLI runs asynchronously: the proxy answers from this process.
 */

jest.setTimeout(60_000);

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

  /** The portal grants the roles the profiles were planned from. */
  const holdsPlanned = (accountId: string, roleName: string) =>
    profiles.some(p => p.accountId === accountId && p.roleName === roleName);
  let signIn: FakeAwsSignIn;

  beforeAll(async () => {
    signIn = await FakeAwsSignIn.start({
      regions: ['eu-north-1', 'us-east-1'],
      holds: holdsPlanned,
    });
  });

  afterEach(() => {
    signIn.holds = holdsPlanned;
  });

  afterAll(async () => {
    await signIn?.stop();
  });

  async function verify(
    configText: string,
    {
      cli = AWS_V2,
      env = { DISPLAY: ':0' },
      text = script,
      signedInTo = [],
    }: {
      cli?: string;
      env?: NodeJS.ProcessEnv;
      text?: string;
      /** The organisations whose session has a token, as after `aws sso login`. */
      signedInTo?: AwsOrganizationSettings[];
    } = {},
  ) {
    const ws = awsCliHome({ configText });
    for (const { sso: s } of signedInTo) {
      signIn.login(ws.home, {
        sessionName: s.sessionName,
        startUrl: s.startUrl,
        region: s.ssoRegion,
      });
    }
    const path = join(ws.home, 'verify.sh');
    writeFileSync(path, text);
    chmodSync(path, 0o755);
    const run = spawn('sh', [path], {
      env: { ...ws.env, ...signIn.env, ...env, AWS_CLI: cli },
      timeout: 50_000,
    });
    let out = '';
    run.stdout.setEncoding('utf8').on('data', chunk => {
      out += chunk;
    });
    const status = await new Promise<number | null>((resolve, reject) => {
      run.on('error', reject).on('close', resolve);
    });
    return { status, out };
  }

  it('passes every check of both sessions when signed in to both, with the roles the portal grants', async () => {
    const calls = signIn.calls.length;
    const { status, out } = await verify(good, {
      signedInTo: [organization, sandbox],
    });
    expect(out.split('\n')).toEqual([
      expect.stringMatching(/^PASS {2}AWS CLI 2\.\d+$/),
      "PASS  SSO session 'sikt' (https://d-c3670fd13e.awsapps.com/start, eu-north-1)",
      'PASS  profile platform-dev-PowerUserAccess (account 318204556071, role PowerUserAccess)',
      'PASS  profile platform-dev-ReadOnlyAccess (account 318204556071, role ReadOnlyAccess)',
      "PASS  no stale profiles for session 'sikt'",
      'PASS  signed in: platform-dev-PowerUserAccess is account 318204556071',
      "PASS  SSO session 'sandbox' (https://d-9067c0ffee.awsapps.com/start, us-east-1)",
      'PASS  profile sandbox-lab-ReadOnlyAccess (account 999999999999, role ReadOnlyAccess)',
      "PASS  no stale profiles for session 'sandbox'",
      'PASS  signed in: sandbox-lab-ReadOnlyAccess is account 999999999999',
      '10 passed, 0 failed',
      '',
    ]);
    expect(status).toBe(0);
    // Each session's portal gave credentials, and STS named their account.
    expect(
      signIn.calls
        .slice(calls)
        .map(c => `${c.host} ${c.operation} ${c.status}`),
    ).toEqual([
      'portal.sso.eu-north-1.amazonaws.com GetRoleCredentials 200',
      'sts.eu-north-1.amazonaws.com GetCallerIdentity 200',
      'portal.sso.us-east-1.amazonaws.com GetRoleCredentials 200',
      'sts.us-east-1.amazonaws.com GetCallerIdentity 200',
    ]);
    expect(signIn.unexpected).toEqual([]);
  });

  it('passes every config check and fails the sign-in of a session not signed in, and of a role the portal does not grant', async () => {
    signIn.holds = (accountId, roleName) =>
      holdsPlanned(accountId, roleName) && roleName !== 'PowerUserAccess';
    const { status, out } = await verify(good, { signedInTo: [organization] });
    expect(out.split('\n')).toEqual([
      expect.stringMatching(/^PASS {2}AWS CLI 2\.\d+$/),
      "PASS  SSO session 'sikt' (https://d-c3670fd13e.awsapps.com/start, eu-north-1)",
      'PASS  profile platform-dev-PowerUserAccess (account 318204556071, role PowerUserAccess)',
      'PASS  profile platform-dev-ReadOnlyAccess (account 318204556071, role ReadOnlyAccess)',
      "PASS  no stale profiles for session 'sikt'",
      // Signed in, but the user no longer holds the role of the session's first profile.
      'FAIL  signed in as account 318204556071 with profile platform-dev-PowerUserAccess (An error occurred (ForbiddenException) when calling the GetRoleCredentials operation: No access)',
      "      -> IAM Identity Center no longer gives you this profile's role (it was removed, or a temporary grant ended): ask for it on the AWS Access page, then run the setup script again",
      "PASS  SSO session 'sandbox' (https://d-9067c0ffee.awsapps.com/start, us-east-1)",
      'PASS  profile sandbox-lab-ReadOnlyAccess (account 999999999999, role ReadOnlyAccess)',
      "PASS  no stale profiles for session 'sandbox'",
      // No token for this session: never signed in.
      expect.stringMatching(
        /^FAIL {2}signed in as account 999999999999 with profile sandbox-lab-ReadOnlyAccess \(.*Token for sandbox does not exist\)$/,
      ),
      '      -> run: aws sso login --sso-session sandbox',
      '8 passed, 2 failed',
      '',
    ]);
    expect(status).not.toBe(0);
    expect(signIn.unexpected).toEqual([]);
  });

  it('reports a missing profile, a wrong account, a missing session and stale profiles, each in its session', async () => {
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
    const { status, out } = await verify(broken);
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

  it('says so when the AWS CLI cannot read the file', async () => {
    const twice = `${good}\n[profile sandbox-lab-ReadOnlyAccess]\nregion = x\n`;
    const { status, out } = await verify(twice);
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

  it('says to sign in with a device code over SSH with CLI 2.22 and later', async () => {
    const { out } = await verify(goodOneSession, {
      cli: cliReporting('2.22.0'),
      env: { SSH_CONNECTION: '10.0.0.1 50000 10.0.0.2 22', DISPLAY: ':0' },
      text: oneSession,
    });
    expect(out).toContain(
      '-> run: aws sso login --sso-session sikt --use-device-code (this is an SSH session: since AWS CLI 2.22 the browser must reach the CLI on 127.0.0.1, so sign in with a device code',
    );
  });

  it('notices a Linux host without a display, and knows older CLIs use the device code anyway', async () => {
    const headless = await verify(goodOneSession, {
      cli: cliReporting('2.31.4'),
      env: {},
      text: oneSession,
    });
    expect(headless.out).toContain(
      '-> run: aws sso login --sso-session sikt --use-device-code (this Linux host has no display:',
    );
    const older = await verify(goodOneSession, { env: {}, text: oneSession });
    expect(older.out).toContain(
      '-> run: aws sso login --sso-session sikt (this Linux host has no display: AWS CLI 2.9 signs in with a device code by default',
    );
  });

  it('uses the device code when the reader said they work on a remote machine', async () => {
    const remoteScript = renderVerifyScript({
      subject: 'group:default/platform',
      organizations: [organization],
      profiles: sikt,
      remote: true,
    });
    const { out } = await verify(goodOneSession, {
      cli: cliReporting('2.22.1'),
      text: remoteScript,
    });
    expect(out).toContain(
      '-> run: aws sso login --sso-session sikt --use-device-code (you work on a remote machine:',
    );
  });

  it('recognises AWS CLI v1 and says what to do', async () => {
    const { out } = await verify(goodOneSession, {
      cli: cliReporting('1.45.11'),
      text: oneSession,
    });
    expect(out).toContain(
      'FAIL  AWS CLI 2.9 or newer (found 1.45, which is AWS CLI v1)',
    );
  });
});
