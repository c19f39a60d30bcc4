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
import { resolveProfiles } from '../../plugins/aws-access-common/src/__testUtils__/awsCliWorkspace';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { BackendInstance } from '../support/backendInstance';
import { tabTo } from '../support/keyboard';
import { routeToBackend } from '../support/routeToBackend';
import { signInAsGuest } from './signIn';

/*
 * A team with accounts in two organisations. One backend of its own serves two static
 * organisations that both have an account named platform-dev and a group named
 * aws-platform-team, which the example catalog's Group "platform" matches by its
 * unqualified annotation in each. The page shows both organisations, filters by one, and
 * its setup script, run on a config that already holds one organisation's block, adds the
 * other's beside it; the real AWS CLI reads the result.
 */

// Debian's AWS CLI v2; the `aws` first on PATH may be v1.
const AWS_V2 = process.env.AWS_CLI_V2 ?? '/usr/bin/aws';
const PORT = 7351;
const teamPage = '/aws-access?team=group%3Adefault%2Fplatform';

const PROD = {
  title: 'Production',
  session: 'acme-prod',
  startUrl: 'https://d-1111111111.awsapps.com/start',
  region: 'eu-north-1',
};
const SANDBOX = {
  title: 'Sandbox',
  session: 'acme-sandbox',
  startUrl: 'https://d-2222222222.awsapps.com/start',
  region: 'eu-west-1',
};

/*
 * The example's single-organisation keys (app-config.yaml) are set to null: the plugin
 * refuses `organizations` beside them. Sandbox's platform-dev has the same role as
 * Production's, so only the organisation tells their profiles apart.
 */
const ORGANIZATIONS_OVERLAY = `awsAccess:
  sso: null
  profiles: null
  source: null
  static: null
  organizations:
    - id: prod
      title: ${PROD.title}
      sso: { sessionName: ${PROD.session}, startUrl: '${PROD.startUrl}', region: ${PROD.region} }
      static:
        accounts:
          - { id: '318204556071', name: platform-dev, environment: dev }
          - { id: '318204556245', name: platform-prod, environment: prod }
        permissionSets:
          - { name: ReadOnlyAccess, sessionDuration: PT8H }
        groups:
          - { id: g-prod-platform, displayName: aws-platform-team }
        assignments:
          - group: aws-platform-team
            accounts: [platform-dev, platform-prod]
            permissionSets: [ReadOnlyAccess]
    - id: sandbox
      title: ${SANDBOX.title}
      sso: { sessionName: ${SANDBOX.session}, startUrl: '${SANDBOX.startUrl}', region: ${SANDBOX.region} }
      static:
        accounts:
          - { id: '721000000001', name: platform-dev, environment: dev }
        permissionSets:
          - { name: ReadOnlyAccess, sessionDuration: PT8H }
          - { name: PowerUserAccess, sessionDuration: PT8H }
        groups:
          - { id: g-sandbox-platform, displayName: aws-platform-team }
        assignments:
          - group: aws-platform-team
            accounts: [platform-dev]
            permissionSets: [ReadOnlyAccess, PowerUserAccess]
`;

/** Every profile the portal manages: its account, role and the session it signs in with. */
const MANAGED: Record<string, [string, string, typeof PROD]> = {
  'prod-platform-dev-ReadOnlyAccess': ['318204556071', 'ReadOnlyAccess', PROD],
  'prod-platform-prod-ReadOnlyAccess': ['318204556245', 'ReadOnlyAccess', PROD],
  'sandbox-platform-dev-ReadOnlyAccess': [
    '721000000001',
    'ReadOnlyAccess',
    SANDBOX,
  ],
  'sandbox-platform-dev-PowerUserAccess': [
    '721000000001',
    'PowerUserAccess',
    SANDBOX,
  ],
};

/*
 * The config before the run: the user's own sections around the block an earlier run
 * wrote for Production alone, in the script's marker format. That block has a profile
 * the team no longer has (prod-retired-...) and lacks platform-prod.
 */
const MINE_BEFORE = `[default]
region = eu-central-1

# my own
[profile personal]
region = eu-central-1

`;
const MINE_AFTER = `
[profile work-admin]
sso_session = ${PROD.session}
sso_account_id = 318204556245
sso_role_name = AdministratorAccess
region = eu-west-1
`;
const EARLIER_PROD_BLOCK = `# >>> AWS Access sso-session ${PROD.session} >>> AWS Access Portal (http://localhost:3000)
# The AWS profiles of group:default/platform in ${PROD.title}, written by the portal's setup script.
# Run the script again to update them: it replaces everything between these markers.

[sso-session ${PROD.session}]
sso_start_url = ${PROD.startUrl}
sso_region = ${PROD.region}
sso_registration_scopes = sso:account:access

[profile prod-platform-dev-ReadOnlyAccess]
sso_session = ${PROD.session}
sso_account_id = 318204556071
sso_role_name = ReadOnlyAccess
region = ${PROD.region}
output = json

[profile prod-retired-ReadOnlyAccess]
sso_session = ${PROD.session}
sso_account_id = 318204556999
sso_role_name = ReadOnlyAccess
region = ${PROD.region}
output = json
# <<< AWS Access sso-session ${PROD.session} <<<
`;

const count = (text: string, part: string) => text.split(part).length - 1;

test.describe('a team with accounts in two organisations', () => {
  test.setTimeout(120_000);
  let backend: BackendInstance | undefined;

  test.afterAll(async () => {
    await backend?.stop();
  });

  test('shows both, filters by organisation, and its setup script adds the second block beside the first', async ({
    page,
  }) => {
    backend = BackendInstance.start(PORT, ORGANIZATIONS_OVERLAY);
    await backend.waitUntilHealthy();
    const token = await backend.guestToken();
    await routeToBackend(page, backend, { path: '/api/aws-access', token });
    await signInAsGuest(page);
    await page.goto(teamPage);

    // Both organisations' accounts, each card named with and chipped by its organisation.
    const card = (name: string, id: string, organization: string) =>
      page.getByRole('region', {
        name: `Account ${name} (${id}) in ${organization}`,
        exact: true,
      });
    const prodDev = card('platform-dev', '318204556071', PROD.title);
    const prodProd = card('platform-prod', '318204556245', PROD.title);
    const sandboxDev = card('platform-dev', '721000000001', SANDBOX.title);
    await expect(prodDev).toBeVisible({ timeout: 30_000 });
    await expect(prodProd).toBeVisible();
    await expect(sandboxDev).toBeVisible();
    await expect(page.getByRole('region', { name: /^Account / })).toHaveCount(
      3,
    );
    for (const [region, organization, other] of [
      [prodDev, PROD.title, SANDBOX.title],
      [sandboxDev, SANDBOX.title, PROD.title],
    ] as const) {
      await expect(
        region.getByText('platform-dev', { exact: true }),
      ).toHaveCount(1);
      await expect(
        region.getByText(organization, { exact: true }),
      ).toBeVisible();
      await expect(region.getByText(other, { exact: true })).toHaveCount(0);
    }
    await expect(
      sandboxDev.getByRole('button', {
        name: 'Copy profile sandbox-platform-dev-ReadOnlyAccess',
      }),
    ).toBeVisible();
    await expect(
      prodDev.getByRole('button', {
        name: 'Copy profile prod-platform-dev-ReadOnlyAccess',
      }),
    ).toBeVisible();

    // One session card per organisation, each naming its organisation.
    const prodSession = page.getByRole('region', {
      name: `SSO session ${PROD.session}`,
      exact: true,
    });
    const sandboxSession = page.getByRole('region', {
      name: `SSO session ${SANDBOX.session}`,
      exact: true,
    });
    await expect(
      page.getByRole('region', { name: /^SSO session / }),
    ).toHaveCount(2);
    await expect(prodSession).toContainText(`For ${PROD.title}:`);
    await expect(sandboxSession).toContainText(`For ${SANDBOX.title}:`);

    // The Organisation filter with the keyboard: from the text filter, Tab, Space, the
    // arrows and Enter; focus comes back to the filter.
    const filter = page.getByRole('button', { name: /^Organisation/ });
    await page.getByRole('textbox', { name: 'Filter accounts' }).focus();
    await tabTo(page, filter, { maxPresses: 3 });
    await page.keyboard.press('Space');
    const options = page.getByRole('listbox', { name: 'Organisation' });
    await expect(options.getByRole('option')).toHaveText([
      'All organisations',
      PROD.title,
      SANDBOX.title,
    ]);
    await expect(
      options.getByRole('option', { name: 'All organisations' }),
    ).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(
      options.getByRole('option', { name: SANDBOX.title }),
    ).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(options).toBeHidden();
    await expect(filter).toBeFocused();
    await expect(filter).toContainText(SANDBOX.title);
    await expect(sandboxDev).toBeVisible();
    await expect(prodDev).toHaveCount(0);
    await expect(prodProd).toHaveCount(0);
    await expect(sandboxSession).toBeVisible();
    await expect(prodSession).toHaveCount(0);

    // The view with the filter open again.
    await page.keyboard.press('Enter');
    await expect(
      options.getByRole('option', { name: SANDBOX.title }),
    ).toBeFocused();
    await expectNoSeriousA11yViolations(page, 'organisation filter open');
    await page.keyboard.press('Escape');
    await expect(options).toBeHidden();

    // "Set up this machine": the script covers the team, whatever the filter shows.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Set up this machine' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('setup-aws-access.sh');

    const home = mkdtempSync(join(tmpdir(), 'aws-access-e2e-orgs-'));
    const script = join(home, 'setup-aws-access.sh');
    copyFileSync(await download.path(), script);
    mkdirSync(join(home, '.aws'));
    const config = join(home, '.aws', 'config');
    writeFileSync(config, MINE_BEFORE + EARLIER_PROD_BLOCK + MINE_AFTER);
    const env = {
      PATH: process.env.PATH,
      HOME: home,
      AWS_CLI: AWS_V2,
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    };

    const run = spawnSync('/bin/sh', [script], { env, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'added    [profile prod-platform-prod-ReadOnlyAccess]',
    );
    expect(run.stdout).toContain(
      'added    [profile sandbox-platform-dev-PowerUserAccess]',
    );
    expect(run.stdout).toContain(
      'removed  [profile prod-retired-ReadOnlyAccess]',
    );
    expect(run.stdout).not.toContain(
      'added    [profile prod-platform-dev-ReadOnlyAccess]',
    );
    for (const { session, startUrl, region } of [PROD, SANDBOX]) {
      expect(run.stdout).toContain(
        `PASS  SSO session '${session}' (${startUrl}, ${region})`,
      );
      // Not signed in: the advice names each session once.
      expect(
        count(run.stdout, `run: aws sso login --sso-session ${session} `),
      ).toBe(1);
    }
    // The user's work-admin uses Production's session for a role the team lacks, so the
    // verify checks call it stale there (they do not know it is the user's own).
    expect(run.stdout).toContain(
      `PASS  no stale profiles for session '${SANDBOX.session}'`,
    );
    for (const [name, [account, role]] of Object.entries(MANAGED)) {
      expect(run.stdout).toContain(
        `PASS  profile ${name} (account ${account}, role ${role})`,
      );
    }

    // The user's sections as they were, around the two blocks, each once and in order.
    const text = readFileSync(config, 'utf8');
    expect(text.startsWith(MINE_BEFORE)).toBe(true);
    expect(text.endsWith(MINE_AFTER)).toBe(true);
    for (const { session } of [PROD, SANDBOX]) {
      expect(count(text, `# >>> AWS Access sso-session ${session} >>>`)).toBe(
        1,
      );
      expect(count(text, `# <<< AWS Access sso-session ${session} <<<`)).toBe(
        1,
      );
      expect(count(text, `[sso-session ${session}]`)).toBe(1);
    }
    expect(
      text.indexOf(`# <<< AWS Access sso-session ${PROD.session} <<<`),
    ).toBeLessThan(
      text.indexOf(`# >>> AWS Access sso-session ${SANDBOX.session} >>>`),
    );

    // The real AWS CLI reads the file: the user's profiles and the portal's, nothing else.
    const listed = execFileSync(AWS_V2, ['configure', 'list-profiles'], {
      env,
      encoding: 'utf8',
    })
      .trim()
      .split('\n');
    expect(listed.sort()).toEqual(
      ['default', 'personal', 'work-admin', ...Object.keys(MANAGED)].sort(),
    );
    // Each portal profile signs in through its own organisation's session, as the CLI's
    // own SSO provider resolves it.
    const resolved = resolveProfiles({
      ...env,
      AWS_CONFIG_FILE: config,
    });
    for (const [name, [account, role, org]] of Object.entries(MANAGED)) {
      expect(resolved[name], name).toEqual({
        region: org.region,
        output: 'json',
        sso: {
          sso_account_id: account,
          sso_role_name: role,
          sso_session: org.session,
          sso_start_url: org.startUrl,
          sso_region: org.region,
        },
      });
    }
    expect(resolved['work-admin'].sso?.sso_session).toBe(PROD.session);

    const again = spawnSync('/bin/sh', [script, '--no-verify'], {
      env,
      encoding: 'utf8',
    });
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('No change: ');
    expect(again.stdout).not.toMatch(/added|changed|removed/);
    expect(readFileSync(config, 'utf8')).toBe(text);
  });
});
