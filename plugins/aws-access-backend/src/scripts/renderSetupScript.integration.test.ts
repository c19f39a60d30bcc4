/**
 * @jest-environment node
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import {
  PlannedProfile,
  planProfiles,
} from '@aws-access/backstage-plugin-aws-access-common';
import {
  AwsCliHome,
  CliProfile,
  account,
  awsCliHome,
  organization,
  resolveProfiles,
  sandbox,
  settings,
  sso,
} from './__testUtils__/awsCliHome';
import {
  SetupScriptInput,
  managedBlockMarkers,
  renderManagedBlock,
  renderSetupScript,
} from './renderSetupScript';

/*
 * The setup script run by dash and bash, with Debian's mawk and with the One True AWK that
 * macOS ships, on a corpus of existing config files; the result is read back by the real
 * AWS CLI v2 (Debian's awscli at /usr/bin/aws; the `aws` first on PATH may be v1): its own
 * session and SSO provider resolve every profile in one process (resolveProfiles), and the
 * verify checks the script ends with run the `aws` command itself.
 */
const BWK_AWK = '/usr/bin/original-awk';
jest.setTimeout(120_000);

const accounts = [
  account('318204556071', 'platform-dev', [
    'PowerUserAccess',
    'ReadOnlyAccess',
  ]),
  account('318204556245', 'platform-prod', ['ReadOnlyAccess']),
];
const profiles = planProfiles(accounts, [organization]);
const input: SetupScriptInput = {
  subject: 'group:default/platform',
  organizations: [organization],
  profiles,
  portal: { name: 'AWS Access Portal', url: 'http://localhost:3000' },
};
const markers = managedBlockMarkers('sikt');
/** The block a previous run with other assignments wrote. */
const renderManagedBlockOf = (previous: PlannedProfile[]) =>
  renderManagedBlock({ ...input, profiles: previous }, organization);

/** A shell and an awk to run the script with. */
interface Runner {
  label: string;
  shell: string;
  awk?: string;
}
const dashMawk: Runner = { label: 'dash + mawk', shell: '/bin/dash' };
const otherRunners: Runner[] = [
  { label: 'bash + mawk', shell: '/bin/bash' },
  { label: 'dash + BSD awk', shell: '/bin/dash', awk: BWK_AWK },
];

function runSetup(
  ws: AwsCliHome,
  args: string[] = ['--no-verify'],
  runner: Runner = dashMawk,
  script = renderSetupScript(input),
) {
  const path = join(ws.home, 'setup-aws-access.sh');
  writeFileSync(path, script);
  let pathVar = ws.env.PATH;
  if (runner.awk) {
    const bin = join(ws.home, 'bin');
    mkdirSync(bin, { recursive: true });
    if (!existsSync(join(bin, 'awk')))
      symlinkSync(runner.awk, join(bin, 'awk'));
    pathVar = `${bin}:${pathVar}`;
  }
  const run = spawnSync(runner.shell, [path, ...args], {
    env: { ...ws.env, PATH: pathVar },
    encoding: 'utf8',
    timeout: 90_000,
  });
  // Every workspace has its own HOME; name it ~ so that runs compare.
  const tilde = (text: string) =>
    text
      .split(ws.home)
      .join('~')
      .replace(/\.\d{8}-\d{6}\.bak/g, '.DATE.bak');
  return { status: run.status, out: tilde(run.stdout), err: tilde(run.stderr) };
}

const read = (file: string) => readFileSync(file, 'utf8');

/** The file without the managed block, its line ending included. */
function outsideBlock(text: string): string {
  const begin = text.indexOf(markers.begin);
  if (begin < 0) return text;
  const endAt = text.indexOf(markers.end, begin);
  let stop = endAt + markers.end.length;
  if (text.startsWith('\r\n', stop)) stop += 2;
  else if (text.startsWith('\n', stop)) stop += 1;
  return text.slice(0, begin) + text.slice(stop);
}

const backups = (ws: AwsCliHome) =>
  readdirSync(dirname(ws.config)).filter(f => f.endsWith('.bak'));

/** Runs the script the other ways too; every way must give the same result and output. */
function expectSameWithEveryRunner(
  configText: string | undefined,
  args: string[],
  expected: { status: number | null; out: string; file?: string },
  script = renderSetupScript(input),
) {
  for (const runner of otherRunners) {
    const ws = awsCliHome({ configText });
    const run = runSetup(ws, args, runner, script);
    expect({ runner: runner.label, status: run.status }).toEqual({
      runner: runner.label,
      status: expected.status,
    });
    expect(run.out).toBe(expected.out);
    if (expected.file !== undefined) {
      expect(read(ws.config)).toBe(expected.file);
    }
  }
}

/** Runs the script a second time: it must change nothing and make no backup. */
function expectSecondRunChangesNothing(
  ws: AwsCliHome,
  script = renderSetupScript(input),
) {
  const before = read(ws.config);
  const backupsBefore = backups(ws);
  const again = runSetup(ws, ['--no-verify'], dashMawk, script);
  expect(again.status).toBe(0);
  expect(again.out).toContain('No change: ');
  expect(again.out).not.toMatch(/added|changed|removed/);
  expect(read(ws.config)).toBe(before);
  expect(backups(ws)).toEqual(backupsBefore);
}

/**
 * After a first run that succeeded and printed `out`: a second run changes nothing, and the
 * other runners, from the same file, print the same and write the same file.
 */
function expectRepeatableWithEveryRunner(
  ws: AwsCliHome,
  configText: string | undefined,
  out: string,
  script = renderSetupScript(input),
) {
  expectSecondRunChangesNothing(ws, script);
  expectSameWithEveryRunner(
    configText,
    ['--no-verify'],
    { status: 0, out, file: read(ws.config) },
    script,
  );
}

/** What a profile resolves to, compact: `ACCOUNT ROLE via SESSION` (or start URL). */
function target(p: CliProfile): string {
  if (p.error) return p.error;
  if (!p.sso) return 'not SSO';
  const { sso_account_id, sso_role_name, sso_session, sso_start_url } = p.sso;
  return `${sso_account_id} ${sso_role_name} via ${
    sso_session ?? sso_start_url
  }`;
}

/**
 * The CLI resolves exactly the portal's profiles, each to its account and role through
 * its organisation's session, and the user's `others` (`not SSO` unless given). Returns
 * every profile as the CLI resolved it, for further checks.
 */
function expectPortalProfilesReadable(
  ws: AwsCliHome,
  others: string[] | Record<string, string> = [],
  portal: PlannedProfile[] = profiles,
): Record<string, CliProfile> {
  const resolved = resolveProfiles(ws);
  const sessionOf = (p: PlannedProfile) =>
    [organization, sandbox].find(o => o.id === p.organization)!.sso.sessionName;
  expect(
    Object.fromEntries(
      Object.entries(resolved).map(([name, p]) => [name, target(p)]),
    ),
  ).toEqual({
    ...Object.fromEntries(
      portal.map(p => [
        p.profileName,
        `${p.accountId} ${p.roleName} via ${sessionOf(p)}`,
      ]),
    ),
    ...(Array.isArray(others)
      ? Object.fromEntries(others.map(name => [name, 'not SSO']))
      : others),
  });
  return resolved;
}

const userConfig = [
  '# My own settings; keep these.',
  '[default]',
  'region = us-east-1',
  '',
  '',
  '[profile personal]',
  '; a comment with ; and = signs',
  'aws_access_key_id_is_not_here = true',
  'region = eu-central-1',
  'output = table',
  '',
  '# trailing comment',
  '',
].join('\n');

describe('the setup script on existing config files, with the real AWS CLI v2', () => {
  it('creates a missing ~/.aws (0700) and config (0600) and installs every profile', () => {
    const ws = awsCliHome();
    const run = runSetup(ws);
    expect(run.err).toBe('');
    expect(run.status).toBe(0);
    expect(run.out).toContain('added    [sso-session sikt]');
    for (const { profileName } of profiles) {
      expect(run.out).toContain(`added    [profile ${profileName}]`);
    }
    expect(run.out).toContain('Wrote ~/.aws/config\n');
    expect(run.out).not.toContain('Backup');
    expect(statSync(dirname(ws.config)).mode & 0o777).toBe(0o700);
    expect(statSync(ws.config).mode & 0o777).toBe(0o600);
    const text = read(ws.config);
    expect(
      text.startsWith(
        `${markers.begin} AWS Access Portal (http://localhost:3000)\n`,
      ),
    ).toBe(true);
    expect(text.endsWith(`${markers.end}\n`)).toBe(true);
    expect(text).not.toMatch(/credential_process|secret|token/i);
    expectPortalProfilesReadable(ws);
    expectRepeatableWithEveryRunner(ws, undefined, run.out);
  });

  it('writes into an empty file and an AWS_CONFIG_FILE in a new folder alike', () => {
    const empty = awsCliHome({ configText: '' });
    expect(runSetup(empty).status).toBe(0);
    expect(outsideBlock(read(empty.config))).toBe('');
    expectSecondRunChangesNothing(empty);

    const elsewhere = awsCliHome({ configEnv: true });
    const run = runSetup(elsewhere);
    expect(run.status).toBe(0);
    expect(run.out).toContain('Wrote ~/elsewhere/aws-config\n');
    expectPortalProfilesReadable(elsewhere);
  });

  it('leaves user profiles, comments, [default], blank lines and the file mode as they were', () => {
    const ws = awsCliHome({ configText: userConfig });
    chmodSync(ws.config, 0o640);
    const run = runSetup(ws);
    expect(run.status).toBe(0);
    expect(run.out).toContain(
      'Backup of the previous file: ~/.aws/config.DATE.bak',
    );
    const text = read(ws.config);
    expect(text.startsWith(markers.begin)).toBe(true);
    expect(outsideBlock(text)).toBe(userConfig);
    expect(statSync(ws.config).mode & 0o777).toBe(0o640);
    const [backup] = backups(ws);
    expect(read(join(dirname(ws.config), backup))).toBe(userConfig);
    const resolved = expectPortalProfilesReadable(ws, ['default', 'personal']);
    expect(resolved.personal.region).toBe('eu-central-1');
    expect(resolved.default.region).toBe('us-east-1');
    expectRepeatableWithEveryRunner(ws, userConfig, run.out);
  });

  it('keeps CRLF line endings and writes the block with them', () => {
    const crlf = userConfig.replace(/\n/g, '\r\n');
    const ws = awsCliHome({ configText: crlf });
    const run = runSetup(ws);
    expect(run.status).toBe(0);
    const text = read(ws.config);
    expect(outsideBlock(text)).toBe(crlf);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expectPortalProfilesReadable(ws, ['default', 'personal']);
    expectRepeatableWithEveryRunner(ws, crlf, run.out);
  });

  it('keeps a missing final newline', () => {
    const noNewline = '[profile personal]\nregion = eu-central-1';
    const ws = awsCliHome({ configText: noNewline });
    const run = runSetup(ws);
    expect(run.status).toBe(0);
    const text = read(ws.config);
    expect(text.endsWith('region = eu-central-1')).toBe(true);
    expect(outsideBlock(text)).toBe(noNewline);
    expectPortalProfilesReadable(ws, ['personal']);
    expectRepeatableWithEveryRunner(ws, noNewline, run.out);
  });

  it('replaces a previous block in its place: removed assignments disappear', () => {
    const previous = renderManagedBlockOf(
      planProfiles(
        [
          account('318204556071', 'platform-dev', [
            'ReadOnlyAccess',
            'AdministratorAccess',
          ]),
          account('318204556245', 'platform-prod', ['ReadOnlyAccess']),
        ],
        [
          {
            ...organization,
            profiles: { ...settings, defaultRegion: 'eu-west-1' },
          },
        ],
      ),
    );
    const before = '[profile personal]\nregion = eu-central-1\n\n';
    const after = '\n# my notes\n[profile later]\nregion = us-west-2\n';
    const configText = `${before}${previous}${after}`;
    const ws = awsCliHome({ configText });
    const run = runSetup(ws);
    expect(run.status).toBe(0);
    expect(run.out).toBe(
      [
        'added    [profile platform-dev-PowerUserAccess]',
        'changed  [profile platform-dev-ReadOnlyAccess]',
        'changed  [profile platform-prod-ReadOnlyAccess]',
        'removed  [profile platform-dev-AdministratorAccess]',
        'Wrote ~/.aws/config',
        'Backup of the previous file: ~/.aws/config.DATE.bak',
        '',
      ].join('\n'),
    );
    const text = read(ws.config);
    expect(text.indexOf(markers.begin)).toBe(before.length);
    expect(outsideBlock(text)).toBe(before + after);
    expect(
      expectPortalProfilesReadable(ws, ['personal', 'later'])[
        'platform-prod-ReadOnlyAccess'
      ].region,
    ).toBe('eu-north-1');
    expectRepeatableWithEveryRunner(ws, configText, run.out);
  });

  it('reports a hand-pasted copy of a portal profile as a duplicate and leaves it', () => {
    const pasted = [
      '[profile dev-power]',
      'sso_session = sikt',
      'sso_account_id = 318204556071',
      'sso_role_name = PowerUserAccess',
      'region = eu-north-1',
      '',
      '[profile prod-legacy]',
      'sso_start_url = https://d-c3670fd13e.awsapps.com/start',
      'sso_region = eu-north-1',
      'sso_account_id = 318204556245',
      'sso_role_name = ReadOnlyAccess',
      '',
    ].join('\n');
    const ws = awsCliHome({ configText: pasted });
    const run = runSetup(ws);
    expect(run.status).toBe(0);
    expect(run.out).toContain(
      'DUPLICATE  [profile dev-power] at line 1 of ~/.aws/config is account 318204556071, role PowerUserAccess of session sikt, like [profile platform-dev-PowerUserAccess] in the managed block; delete yours once nothing uses its name',
    );
    expect(run.out).toContain(
      'DUPLICATE  [profile prod-legacy] at line 7 of ~/.aws/config is account 318204556245, role ReadOnlyAccess of session sikt, like [profile platform-prod-ReadOnlyAccess] in the managed block',
    );
    expect(outsideBlock(read(ws.config))).toBe(pasted);
    expectPortalProfilesReadable(ws, {
      'dev-power': '318204556071 PowerUserAccess via sikt',
      'prod-legacy': `318204556245 ReadOnlyAccess via ${sso.startUrl}`,
    });
    expectRepeatableWithEveryRunner(ws, pasted, run.out);
  });

  it('stops at a user profile of the same name, and moves it into the block with --replace-mine', () => {
    const mine = [
      '[profile personal]',
      'region = eu-central-1',
      '',
      '# my own copy',
      '[profile platform-dev-ReadOnlyAccess]',
      'sso_session = sikt',
      'sso_account_id = 999999999999',
      'sso_role_name = Mine',
      'region = us-east-1',
      '',
      '# about later',
      '[profile later]',
      'region = us-west-2',
      '',
    ].join('\n');
    const ws = awsCliHome({ configText: mine });
    const stopped = runSetup(ws);
    expect(stopped.status).toBe(1);
    expect(stopped.out).toBe('');
    expect(stopped.err).toBe(
      [
        "STOP  [profile platform-dev-ReadOnlyAccess] at line 5 of ~/.aws/config is yours (account 999999999999, role Mine); the portal's block also has [profile platform-dev-ReadOnlyAccess] (account 318204556071, role ReadOnlyAccess)",
        'STOP  nothing was written: rename or delete yours, or run again with --replace-mine to move them into the managed block (the file is backed up first)',
        '',
      ].join('\n'),
    );
    expect(read(ws.config)).toBe(mine);
    expect(backups(ws)).toEqual([]);
    expectSameWithEveryRunner(mine, ['--no-verify'], {
      status: 1,
      out: '',
      file: mine,
    });

    const moved = runSetup(ws, ['--replace-mine', '--no-verify']);
    expect(moved.status).toBe(0);
    expect(moved.out).toContain(
      'MOVED      [profile platform-dev-ReadOnlyAccess] at line 5 of ~/.aws/config is yours',
    );
    expect(outsideBlock(read(ws.config))).toBe(
      [
        '[profile personal]',
        'region = eu-central-1',
        '',
        '# my own copy',
        '',
        '# about later',
        '[profile later]',
        'region = us-west-2',
        '',
      ].join('\n'),
    );
    expect(read(join(dirname(ws.config), backups(ws)[0]))).toBe(mine);
    expect(
      expectPortalProfilesReadable(ws, ['personal', 'later'])[
        'platform-dev-ReadOnlyAccess'
      ].region,
    ).toBe('eu-north-1');
    expectSecondRunChangesNothing(ws);
  });

  it('stops at an [sso-session] of the same name with another start URL', () => {
    const other = [
      '[sso-session sikt]',
      'sso_start_url = https://d-0000000000.awsapps.com/start',
      'sso_region = us-east-1',
      '',
    ].join('\n');
    const ws = awsCliHome({ configText: other });
    const run = runSetup(ws);
    expect(run.status).toBe(1);
    expect(run.err).toContain(
      "STOP  [sso-session sikt] at line 1 of ~/.aws/config uses https://d-0000000000.awsapps.com/start in us-east-1; the portal's [sso-session sikt] uses https://d-c3670fd13e.awsapps.com/start in eu-north-1",
    );
    expect(run.err).toContain('--replace-mine');
    expect(read(ws.config)).toBe(other);
    expectSameWithEveryRunner(other, ['--no-verify'], {
      status: 1,
      out: '',
      file: other,
    });
  });

  it('refuses a read-only file and writes nothing', () => {
    const ws = awsCliHome({ configText: userConfig });
    chmodSync(ws.config, 0o444);
    const run = runSetup(ws);
    expect(run.status).toBe(1);
    expect(run.err).toContain(
      'STOP  ~/.aws/config is read-only; make it writable (chmod u+w) or set AWS_CONFIG_FILE to another file, then run again. Nothing was written',
    );
    expect(read(ws.config)).toBe(userConfig);
    expect(backups(ws)).toEqual([]);
    expect(statSync(ws.config).mode & 0o777).toBe(0o444);
  });

  it('follows a symlinked config to its target and keeps the link', () => {
    const ws = awsCliHome();
    const dotfiles = join(ws.home, 'dotfiles');
    mkdirSync(dotfiles);
    writeFileSync(join(dotfiles, 'aws-config'), userConfig);
    mkdirSync(dirname(ws.config));
    symlinkSync('../dotfiles/aws-config', ws.config);
    const run = runSetup(ws);
    expect(run.status).toBe(0);
    expect(run.out).toContain(
      'Backup of the previous file: ~/.aws/../dotfiles/aws-config.DATE.bak',
    );
    expect(lstatSync(ws.config).isSymbolicLink()).toBe(true);
    expect(readlinkSync(ws.config)).toBe('../dotfiles/aws-config');
    expect(outsideBlock(read(join(dotfiles, 'aws-config')))).toBe(userConfig);
    expectPortalProfilesReadable(ws, ['default', 'personal']);
    expect(readdirSync(dotfiles).filter(f => f.endsWith('.bak'))).toHaveLength(
      1,
    );
    const again = runSetup(ws);
    expect(again.out).toContain('No change');
    expect(lstatSync(ws.config).isSymbolicLink()).toBe(true);
  });

  it('--dry-run prints the change as a diff and writes nothing', () => {
    const ws = awsCliHome({ configText: userConfig });
    const run = runSetup(ws, ['--dry-run']);
    expect(run.status).toBe(0);
    expect(run.out).toContain(
      'would be added    [profile platform-dev-ReadOnlyAccess]',
    );
    expect(run.out).toContain(
      '--- ~/.aws/config\n+++ ~/.aws/config (after setup)\n@@ ',
    );
    expect(run.out).toContain(`\n+${markers.begin}`);
    expect(run.out).toContain('\n+[profile platform-prod-ReadOnlyAccess]\n');
    expect(run.out).toContain('\n [default]\n');
    expect(run.out.trim().split('\n').pop()).toBe('Dry run: nothing written.');
    expect(run.out).not.toContain('PASS');
    expect(read(ws.config)).toBe(userConfig);
    expect(backups(ws)).toEqual([]);
  });

  it('refuses settings outside any section and a block without its end marker', () => {
    const orphan = 'region = eu-west-1\n[profile personal]\nregion = x\n';
    const ws = awsCliHome({ configText: orphan });
    const run = runSetup(ws);
    expect(run.status).toBe(1);
    expect(run.err).toContain(
      'STOP  line 1 of ~/.aws/config is a setting outside any section of yours',
    );
    expect(read(ws.config)).toBe(orphan);

    const broken = `${markers.begin}\n[profile old]\nregion = x\n`;
    const ws2 = awsCliHome({ configText: broken });
    const run2 = runSetup(ws2);
    expect(run2.status).toBe(1);
    expect(run2.err).toContain(
      `STOP  the managed block that starts at line 1 of ~/.aws/config has no end marker '${markers.end}'`,
    );
    expect(read(ws2.config)).toBe(broken);
  });

  it('answers an unknown option with the usage and status 2', () => {
    const run = runSetup(awsCliHome(), ['--force']);
    expect(run.status).toBe(2);
    expect(run.err).toContain("Unknown option '--force'");
    expect(run.err).toContain('--replace-mine');
    expect(run.err).toContain('--accept-changes');
  });
});

describe('the setup script with hostile names and the legacy variant', () => {
  it('writes hostile names safely, never as [default], and every profile reads back', () => {
    const hostile = planProfiles(
      [
        account('111111111111', 'platform "prod" [eu]', ['PowerUserAccess']),
        account('222222222222', "o'brien's\naccount AWS_ACCESS_MANAGED_BLOCK", [
          'Admin@ops',
        ]),
        account('333333333333', 'Økonomi – ☁️ 会计', ['Data.Reader']),
        account('555555555555', '[default]', ['a+b=c,d']),
        account('666666666666', 'default', ['+=,.@-']),
      ],
      [organization],
    );
    const ws = awsCliHome({ configText: userConfig });
    const pwned = join(ws.home, 'pwned');
    const script = renderSetupScript({
      ...input,
      subject: `user:default/o'brien\n$(touch ${pwned}) \`touch ${pwned}\` "y"`,
      profiles: hostile,
    });
    const run = runSetup(ws, ['--no-verify'], dashMawk, script);
    expect(run.status).toBe(0);
    expect(existsSync(pwned)).toBe(false);
    expect(outsideBlock(read(ws.config))).toBe(userConfig);
    expect(hostile.map(p => p.profileName)).toContain('default--666666666666');
    // The user's [default] stays the CLI's default profile.
    const resolved = expectPortalProfilesReadable(
      ws,
      ['default', 'personal'],
      hostile,
    );
    expect(resolved.default.region).toBe('us-east-1');
  });

  it('installs legacy profiles, and the checks pass them without a session', () => {
    const script = renderSetupScript({ ...input, variant: 'legacy' });
    const ws = awsCliHome();
    const run = runSetup(ws, [], dashMawk, script);
    expect(run.status).toBe(0);
    expect(read(ws.config)).not.toContain('[sso-session');
    expect(resolveProfiles(ws)['platform-dev-ReadOnlyAccess'].sso).toEqual({
      sso_account_id: '318204556071',
      sso_role_name: 'ReadOnlyAccess',
      sso_start_url: sso.startUrl,
      sso_region: sso.ssoRegion,
    });
    expect(run.out).toContain(
      'PASS  profile platform-dev-ReadOnlyAccess (account 318204556071, role ReadOnlyAccess)',
    );
    expect(run.out).toContain("PASS  no stale profiles for session 'sikt'");
    expect(run.out).not.toContain("SSO session 'sikt'");
  });
});

describe('the setup script when a profile name it manages changes account or role', () => {
  // The block a portal that named first come, first served wrote: the real account had
  // the plain name. Now the name is another account's.
  const real = {
    ...profiles[2],
    profileName: 'platform-prod-ReadOnlyAccess',
    accountId: '318204556245',
  };
  const previous = renderManagedBlockOf([real]);
  const takenOver: PlannedProfile[] = [
    { ...real, accountId: '666666666666', accountName: ' platform-prod' },
    { ...real, profileName: 'platform-prod-ReadOnlyAccess-2' },
  ];
  const script = renderSetupScript({ ...input, profiles: takenOver });
  const configText = `[profile personal]\nregion = eu-central-1\n${previous}`;
  const repointed =
    '[profile platform-prod-ReadOnlyAccess] now points at account 666666666666, role ReadOnlyAccess; it pointed at account 318204556245, role ReadOnlyAccess';

  it('stops, says so and writes nothing without --accept-changes', () => {
    const ws = awsCliHome({ configText });
    const run = runSetup(ws, ['--no-verify'], dashMawk, script);
    expect(run.status).toBe(1);
    expect(run.out).toBe('');
    expect(run.err).toBe(
      [
        `STOP  ${repointed}`,
        'STOP  nothing was written: anything that uses these profile names would act in another account or with another role. Check that the new accounts and roles are the ones you expect, then run again with --accept-changes',
        '',
      ].join('\n'),
    );
    expect(read(ws.config)).toBe(configText);
    expect(backups(ws)).toEqual([]);
    for (const runner of otherRunners) {
      const other = awsCliHome({ configText });
      expect(runSetup(other, ['--no-verify'], runner, script)).toEqual(run);
    }

    const dryRun = runSetup(ws, ['--dry-run'], dashMawk, script);
    expect(dryRun.status).toBe(0);
    expect(dryRun.out).toContain(`REPOINTED  ${repointed}\n`);
    expect(read(ws.config)).toBe(configText);
  });

  it('rewrites the profile with --accept-changes, and says so', () => {
    const ws = awsCliHome({ configText });
    const run = runSetup(
      ws,
      ['--accept-changes', '--no-verify'],
      dashMawk,
      script,
    );
    expect(run.status).toBe(0);
    expect(run.out).toBe(
      [
        `REPOINTED  ${repointed}`,
        'added    [profile platform-prod-ReadOnlyAccess-2]',
        'changed  [profile platform-prod-ReadOnlyAccess]',
        'Wrote ~/.aws/config',
        'Backup of the previous file: ~/.aws/config.DATE.bak',
        '',
      ].join('\n'),
    );
    expectPortalProfilesReadable(ws, ['personal'], takenOver);
    expectSecondRunChangesNothing(ws, script);
  });
});

describe('the setup script for two organisations', () => {
  const organizations = [organization, sandbox];
  const both = planProfiles(
    [
      ...accounts,
      account('999999999999', 'platform-dev', ['ReadOnlyAccess'], 'sandbox'),
    ],
    organizations,
  );
  const script = renderSetupScript({ ...input, organizations, profiles: both });
  const sandboxMarkers = managedBlockMarkers('sandbox');
  /** The sandbox block an earlier run wrote, with a role since taken away. */
  const oldSandboxBlock = renderManagedBlock(
    {
      ...input,
      organizations: [sandbox],
      profiles: planProfiles(
        [
          account(
            '999999999999',
            'platform-dev',
            ['ReadOnlyAccess', 'Gone'],
            'sandbox',
          ),
        ],
        [sandbox],
      ),
    },
    sandbox,
  );

  it("adds the missing session's block beside the other, replaces that one in place, and checks both", () => {
    const configText = `[profile personal]\nregion = eu-central-1\n\n${oldSandboxBlock}\n[profile later]\nregion = us-west-2\n`;
    const ws = awsCliHome({ configText });
    const run = runSetup(ws, [], dashMawk, script);
    expect(run.status).toBe(0);
    expect(run.err).toBe('');
    // The new block comes right before the block the file had, in organisation order.
    const text = read(ws.config);
    expect(
      text.startsWith(
        `[profile personal]\nregion = eu-central-1\n\n${markers.begin} `,
      ),
    ).toBe(true);
    expect(text).toContain(`\n${markers.end}\n${sandboxMarkers.begin} `);
    expect(
      text.endsWith(
        `\n${sandboxMarkers.end}\n\n[profile later]\nregion = us-west-2\n`,
      ),
    ).toBe(true);
    const report = run.out.slice(0, run.out.indexOf('Wrote '));
    expect(report).toBe(
      [
        'added    [sso-session sikt]',
        ...profiles.map(p => `added    [profile ${p.profileName}]`),
        'removed  [profile sandbox-platform-dev-Gone]',
        '',
      ].join('\n'),
    );
    expectPortalProfilesReadable(ws, ['personal', 'later'], both);

    const checks = run.out.slice(run.out.indexOf('Checking the setup'));
    expect(checks).toContain(
      "PASS  SSO session 'sandbox' (https://d-9067c0ffee.awsapps.com/start, us-east-1)",
    );
    for (const p of both) {
      expect(checks).toContain(
        `PASS  profile ${p.profileName} (account ${p.accountId}, role ${p.roleName})`,
      );
    }
    // One sign-in per session, each with its own command.
    expect(
      checks.match(/^ {6}-> run: aws sso login --sso-session \S+/gm),
    ).toEqual([
      '      -> run: aws sso login --sso-session sikt',
      '      -> run: aws sso login --sso-session sandbox',
    ]);
    expect(checks.trim().split('\n').pop()).toBe('9 passed, 2 failed');
    expectRepeatableWithEveryRunner(
      ws,
      configText,
      run.out.slice(0, run.out.indexOf('\nChecking')),
      script,
    );
  });

  it("stops at a user profile with the name of the other session's profile", () => {
    const mine = '[profile sandbox-platform-dev-ReadOnlyAccess]\nregion = x\n';
    const ws = awsCliHome({ configText: mine });
    const run = runSetup(ws, ['--no-verify'], dashMawk, script);
    expect(run.status).toBe(1);
    expect(run.err).toContain(
      "STOP  [profile sandbox-platform-dev-ReadOnlyAccess] at line 1 of ~/.aws/config is yours; the portal's block also has [profile sandbox-platform-dev-ReadOnlyAccess] (account 999999999999, role ReadOnlyAccess)",
    );
    expect(read(ws.config)).toBe(mine);
  });

  it('writes nothing for no organisations', () => {
    const ws = awsCliHome({ configText: userConfig });
    const run = runSetup(
      ws,
      [],
      dashMawk,
      renderSetupScript({ ...input, organizations: [], profiles: [] }),
    );
    expect(run).toEqual({
      status: 0,
      out: 'The portal has no AWS profiles for group:default/platform: nothing to write.\n',
      err: '',
    });
    expect(read(ws.config)).toBe(userConfig);
  });
});

describe('the setup script ends with the verify checks', () => {
  it.each([dashMawk, ...otherRunners])('under $label', runner => {
    const ws = awsCliHome({ configText: userConfig });
    const run = runSetup(ws, [], runner);
    expect(run.status).toBe(0);
    const checks = run.out.slice(run.out.indexOf('Checking the setup'));
    expect(checks).toContain(
      "PASS  SSO session 'sikt' (https://d-c3670fd13e.awsapps.com/start, eu-north-1)",
    );
    for (const p of profiles) {
      expect(checks).toContain(
        `PASS  profile ${p.profileName} (account ${p.accountId}, role ${p.roleName})`,
      );
    }
    expect(checks).toContain("PASS  no stale profiles for session 'sikt'");
    // No one is signed in on a test machine.
    expect(checks).toMatch(/^FAIL {2}signed in as account 318204556071/m);
    expect(checks.trim().split('\n').pop()).toBe('6 passed, 1 failed');
  });
});
