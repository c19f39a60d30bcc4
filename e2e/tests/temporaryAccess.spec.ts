import { execFile, spawn } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BrowserContext, expect, Page, test } from '@playwright/test';
import {
  FakeAwsSignIn,
  FakeIdentityCenter,
  FakeOrg,
} from '@aws-access/fake-identity-center';
import { resolveProfiles } from '../../plugins/aws-access-common/src/__testUtils__/awsCliWorkspace';
import { expectNoSeriousA11yViolations } from '../support/axe';
import {
  identityCenterOverlay,
  temporaryAccessOverlay,
} from '../support/backendOverlays';
import { BackendInstance } from '../support/backendInstance';
import { waitForCatalogUsers } from '../support/catalogUsers';
import { tabTo } from '../support/keyboard';
import {
  routeSignalsToBackend,
  routeToBackend,
} from '../support/routeToBackend';
import { SwitchableGuest } from '../support/switchableGuest';
import { signInAsGuest } from './signIn';

/*
 * Temporary access from end to end, on a backend of its own that writes to a fake Identity
 * Center with the real SDK. The guest (not in Payments) asks for the role Payments holds in
 * checkout-prod for a minute; Kari Berg, a member of Payments, approves it from the
 * keyboard in another browser context; the guest's open page gains the role, the setup
 * script it downloads installs the profile and the real AWS CLI v2, signed in through a
 * fake AWS sign-in that hands out the roles the fake Identity Center assigns, gets the
 * role's credentials with it; a minute later the role has left the page, the assignment
 * has left Identity Center and the sign-in refuses the role.
 *
 * One backend serves both users: the guest provider signs in whoever its switchable file
 * names (support/switchableGuest.ts), and each page's calls carry its own user's token.
 */

// Debian's AWS CLI v2; the `aws` first on PATH may be v1.
const AWS_V2 = process.env.AWS_CLI_V2 ?? '/usr/bin/aws';
const PORT = 7361;

const INSTANCE = 'arn:aws:sso:::instance/ssoins-7ea0000000000000';
const OPERATOR =
  'arn:aws:sso:::permissionSet/ssoins-7ea0000000000000/ps-7ea0000000000001';
const ROLE = 'CheckoutOperator';
const ACCOUNT = { id: '230000000001', name: 'checkout-prod' };
const PROFILE = `${ACCOUNT.name}-${ROLE}`;
const GUEST = 'user:default/guest';
const KARI = 'user:default/kari.berg';
const GUEST_USER_ID = 'u-7ea0-guest';
/** The SSO session of the embedded default configuration's organisation. */
const SIKT = {
  sessionName: 'sikt',
  startUrl: 'https://d-c3670fd13e.awsapps.com/start',
  region: 'eu-north-1',
};

/** Payments holds the role (the example catalog's Group "payments", matched by name). */
const org: FakeOrg = {
  instanceArn: INSTANCE,
  identityStoreId: 'd-7ea0000000',
  accounts: [{ ...ACCOUNT, email: 'checkout-prod@example.org' }],
  permissionSets: [{ arn: OPERATOR, name: ROLE, sessionDuration: 'PT1H' }],
  groups: [{ id: 'g-payments', displayName: 'payments' }],
  // The guest has no email in the catalog; the backend finds them by user name.
  users: [
    { id: GUEST_USER_ID, userName: 'guest' },
    {
      id: 'u-7ea0-kari',
      userName: 'kari.berg@example.org',
      emails: ['kari.berg@example.org'],
    },
  ],
  assignments: [
    {
      accountId: ACCOUNT.id,
      permissionSetArn: OPERATOR,
      principalType: 'GROUP',
      principalId: 'g-payments',
    },
  ],
};

/** The guest's assignment as the backend creates it. */
const guestAssignment = {
  accountId: ACCOUNT.id,
  permissionSetArn: OPERATOR,
  principalType: 'USER',
  principalId: GUEST_USER_ID,
};

/** A page whose every backend call and signal goes to `backend` as `token`'s user. */
async function pageAs(
  context: BrowserContext,
  backend: BackendInstance,
  token: string,
) {
  const page = await context.newPage();
  await routeToBackend(page, backend, { token });
  const closeSignals = await routeSignalsToBackend(page, backend, token);
  await signInAsGuest(page);
  return { page, closeSignals };
}

/** Whether Identity Center, as the fake holds it now, assigns the guest the role. */
function guestHolds(fake: FakeIdentityCenter) {
  const roleOf = new Map(org.permissionSets.map(p => [p.arn, p.name]));
  return (accountId: string, roleName: string) =>
    fake
      .assignmentsOf(GUEST_USER_ID)
      .some(
        a =>
          a.accountId === accountId &&
          roleOf.get(a.permissionSetArn) === roleName,
      );
}

/**
 * Runs a script with `sh`, asynchronously: the fake sign-in answers the CLI from this
 * process's event loop.
 */
async function runScript(script: string, env: NodeJS.ProcessEnv) {
  const run = spawn('/bin/sh', [script], { env, timeout: 60_000 });
  let stdout = '';
  let stderr = '';
  run.stdout.setEncoding('utf8').on('data', chunk => {
    stdout += chunk;
  });
  run.stderr.setEncoding('utf8').on('data', chunk => {
    stderr += chunk;
  });
  const status = await new Promise<number | null>((resolve, reject) => {
    run.on('error', reject).on('close', resolve);
  });
  return { status, stdout, stderr };
}

/**
 * Downloads "Set up this machine" from `page` into a fresh home folder signed in to the
 * organisation's session, as after `aws sso login`, and runs it through `signIn`.
 */
async function runSetupScript(page: Page, signIn: FakeAwsSignIn) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Set up this machine' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('setup-aws-access.sh');
  const dialog = page.getByRole('dialog', { name: 'Set up this machine' });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  const home = mkdtempSync(join(tmpdir(), 'aws-access-e2e-grant-'));
  const script = join(home, 'setup-aws-access.sh');
  copyFileSync(await download.path(), script);
  mkdirSync(join(home, '.aws'));
  signIn.login(home, SIKT);
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    AWS_CLI: AWS_V2,
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    ...signIn.env,
  };
  const run = await runScript(script, env);
  return { run, env, home, script, config: join(home, '.aws', 'config') };
}

test.describe('temporary access', () => {
  test.setTimeout(360_000);
  let fake: FakeIdentityCenter | undefined;
  let signIn: FakeAwsSignIn | undefined;
  let backend: BackendInstance | undefined;
  const cleanups: Array<() => unknown> = [];

  test.afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    backend?.kill();
    await fake?.stop();
    await signIn?.stop();
  });

  test('a guest asks, a team member approves in another context, the role comes and goes at expiry', async ({
    browser,
  }) => {
    fake = await FakeIdentityCenter.start(structuredClone(org));
    signIn = await FakeAwsSignIn.start({
      regions: [SIKT.region],
      holds: guestHolds(fake),
    });
    const guest = new SwitchableGuest(KARI);
    backend = BackendInstance.start(
      PORT,
      identityCenterOverlay(fake.url, {
        instance: {
          instanceArn: INSTANCE,
          identityStoreId: org.identityStoreId,
        },
        schedule:
          '{ frequency: { hours: 6 }, timeout: { minutes: 5 }, initialDelay: { seconds: 0 } }',
      }),
      // The shortest request the policy allows: a minute, the only choice under it.
      temporaryAccessOverlay([{ name: ROLE, maxDurationMinutes: 1 }]),
      guest.overlay,
    );
    await backend.waitUntilHealthy();
    await waitForCatalogUsers(backend, ['guest', 'kari.berg']);

    // Kari, of Payments, signs in first and keeps the Requests view open.
    const kariToken = await guest.tokenOf(backend, KARI);
    const kariContext = await browser.newContext();
    cleanups.push(() => kariContext.close());
    const approver = await pageAs(kariContext, backend, kariToken);
    cleanups.push(approver.closeSignals);
    const kari = approver.page;
    await kari.goto('/aws-access/requests');
    await expect(
      kari.getByRole('heading', { name: 'No requests' }),
    ).toBeVisible({ timeout: 30_000 });

    // The guest, from now on the only one the guest provider signs in.
    const guestToken = await guest.tokenOf(backend, GUEST);
    const guestContext = await browser.newContext();
    cleanups.push(() => guestContext.close());
    const requester = await pageAs(guestContext, backend, guestToken);
    cleanups.push(requester.closeSignals);
    const page = requester.page;

    await test.step('the guest requests the role Payments holds, for a minute', async () => {
      // Holding nothing, the guest lands on "Choose a team".
      await page.goto('/aws-access');
      await expect(
        page.getByRole('heading', { name: 'Choose a team' }),
      ).toBeVisible({ timeout: 30_000 });
      await page.goto('/aws-access?team=group%3Adefault%2Fpayments');
      const card = page.getByRole('region', {
        name: `Account ${ACCOUNT.name} (${ACCOUNT.id})`,
      });
      await card
        .getByRole('button', {
          name: `Request temporary access: ${ROLE} in ${ACCOUNT.name}`,
        })
        .click({ timeout: 60_000 });
      const dialog = page.getByRole('dialog', {
        name: 'Request temporary access',
      });
      await expect(
        dialog.getByText(`${ROLE} in ${ACCOUNT.name} (${ACCOUNT.id})`),
      ).toBeVisible();
      const duration = dialog.getByRole('combobox', { name: 'Duration' });
      await expect(duration.locator('option')).toHaveText(['1 minute']);
      await duration.selectOption({ label: '1 minute' });
      await dialog
        .getByRole('textbox', { name: 'Reason' })
        .fill('Refund a stuck <b>checkout</b>');
      await expectNoSeriousA11yViolations(page, 'the request dialog');
      await dialog
        .getByRole('button', { name: 'Request', exact: true })
        .click();
      await expect(dialog.getByRole('status')).toHaveText(
        `Requested ${ROLE} for 1 minute: waiting for approval. Open your requests`,
      );
      await dialog.getByRole('button', { name: 'Close' }).click();
      // The role's card says where the request stands, in place of the button.
      await expect(
        card
          .getByRole('status')
          .filter({ hasText: 'Requested, waiting for approval' }),
      ).toHaveText('Requested, waiting for approval. Open your requests');
      await expect(
        card.getByRole('button', { name: /^Request temporary access/ }),
      ).toHaveCount(0);
    });

    const approvedAt =
      await test.step('Kari sees it on the open Requests view and approves it by keyboard', async () => {
        // The view reloads itself on the grant signal.
        const toApprove = kari.getByRole('table', { name: 'To approve' });
        const row = toApprove.getByRole('row').filter({ hasText: ROLE });
        await expect(row).toHaveCount(1, { timeout: 30_000 });
        await expect(row).toContainText(`${ACCOUNT.name} (${ACCOUNT.id})`);
        await expect(row).toContainText('Guest');
        await expect(row).toContainText('1 minute');
        // The reason is text, never markup.
        await expect(row).toContainText('Refund a stuck <b>checkout</b>');
        await expect(row).toContainText('Pending');
        await expectNoSeriousA11yViolations(
          kari,
          'the Requests view with a request to approve',
        );
        const approve = row.getByRole('button', {
          name: `Approve: ${ROLE} in ${ACCOUNT.name} for Guest`,
        });
        await kari.getByRole('tab', { name: 'Requests' }).focus();
        await tabTo(kari, approve, { maxPresses: 10 });
        const approving = kari.waitForResponse(
          r => r.url().endsWith('/approve') && r.request().method() === 'POST',
        );
        await kari.keyboard.press('Enter');
        expect((await approving).status()).toBe(200);
        return Date.now();
      });

    await test.step("the guest's open page gains the role; Identity Center has the assignment", async () => {
      const card = page.getByRole('region', {
        name: `Account ${ACCOUNT.name} (${ACCOUNT.id})`,
      });
      await expect(card.getByText('You have this role')).toBeVisible({
        timeout: 30_000,
      });
      test.info().annotations.push({
        type: 'approval to role shown',
        description: `${Date.now() - approvedAt} ms`,
      });
      expect(fake!.assignmentsOf(GUEST_USER_ID)).toEqual([guestAssignment]);
      // Kari's view moves it out of "To approve", active.
      await expect(kari.getByRole('table', { name: 'To approve' })).toHaveCount(
        0,
      );
      await expect(
        kari
          .getByRole('table', { name: 'Other requests to your teams' })
          .getByRole('row')
          .filter({ hasText: ROLE }),
      ).toContainText('Active');
    });

    const machine =
      await test.step('its profile installs from the setup script and the real CLI signs in with it', async () => {
        await page.goto('/aws-access');
        await expect(
          page.getByRole('heading', { name: 'My AWS access' }),
        ).toBeVisible();
        await expect(
          page.getByRole('button', { name: `Copy profile ${PROFILE}` }),
        ).toBeVisible();
        const installed = await runSetupScript(page, signIn!);
        const { run, env, config } = installed;
        expect(run.stderr).toBe('');
        expect(run.stdout).toContain(`added    [profile ${PROFILE}]`);
        expect(run.stdout).toContain(
          "PASS  SSO session 'sikt' (https://d-c3670fd13e.awsapps.com/start, eu-north-1)",
        );
        expect(run.stdout).toContain(
          `PASS  profile ${PROFILE} (account ${ACCOUNT.id}, role ${ROLE})`,
        );
        expect(run.stdout).toContain(
          "PASS  no stale profiles for session 'sikt'",
        );
        // Signed in, the portal gives the role's credentials and STS names the account.
        expect(run.stdout).toContain(
          `PASS  signed in: ${PROFILE} is account ${ACCOUNT.id}`,
        );
        expect(run.stdout.match(/^FAIL .*$/gm) ?? []).toEqual([]);
        expect(run.stdout).toMatch(/^\d+ passed, 0 failed$/m);
        expect(run.status).toBe(0);
        expect(
          signIn!.calls.map(c => `${c.host} ${c.operation} ${c.status}`),
        ).toEqual([
          'portal.sso.eu-north-1.amazonaws.com GetRoleCredentials 200',
          'sts.eu-north-1.amazonaws.com GetCallerIdentity 200',
        ]);
        expect(signIn!.unexpected).toEqual([]);

        const text = readFileSync(config, 'utf8');
        expect(text).toContain(`[profile ${PROFILE}]`);
        const profiles = await promisify(execFile)(
          AWS_V2,
          ['configure', 'list-profiles'],
          { env, encoding: 'utf8' },
        );
        expect(profiles.stdout.trim()).toBe(PROFILE);
        expect(
          resolveProfiles({ ...env, AWS_CONFIG_FILE: config })[PROFILE],
        ).toEqual({
          region: 'eu-north-1',
          output: 'json',
          sso: {
            sso_account_id: ACCOUNT.id,
            sso_role_name: ROLE,
            sso_session: 'sikt',
            sso_start_url: 'https://d-c3670fd13e.awsapps.com/start',
            sso_region: 'eu-north-1',
          },
        });
        return installed;
      });

    await test.step('at expiry the role leaves the open page and Identity Center', async () => {
      const card = page.getByRole('region', {
        name: `Account ${ACCOUNT.name} (${ACCOUNT.id})`,
      });
      await expect(card).toBeVisible();
      // A minute from the grant, and the worker's next look (every few seconds).
      await expect(card).toHaveCount(0, { timeout: 100_000 });
      await expect(
        page.getByRole('heading', { name: 'Choose a team' }),
      ).toBeVisible();
      expect(fake!.assignmentsOf(GUEST_USER_ID)).toEqual([]);
      expect(
        fake!.assignmentOperations
          .filter(o => o.assignment.principalId === GUEST_USER_ID)
          .map(o => [o.kind, o.status]),
      ).toEqual([
        ['create', 'SUCCEEDED'],
        ['delete', 'SUCCEEDED'],
      ]);
      await page.getByRole('tab', { name: 'Requests' }).click();
      await expect(
        page
          .getByRole('table', { name: 'My requests' })
          .getByRole('row')
          .filter({ hasText: ROLE }),
      ).toContainText('Removed');
    });

    await test.step('at expiry the sign-in refuses the role: the verify checks say so', async () => {
      // The CLI caches the role's credentials, and AWS honours them until they expire
      // (within the permission set's session duration); without them, as once they have
      // expired, it asks the portal again.
      rmSync(join(machine.home, '.aws', 'cli', 'cache'), {
        recursive: true,
        force: true,
      });
      const calls = signIn!.calls.length;
      const run = await runScript(machine.script, machine.env);
      expect(run.stderr).toBe('');
      expect(run.stdout).toContain(
        `PASS  profile ${PROFILE} (account ${ACCOUNT.id}, role ${ROLE})`,
      );
      const failures = run.stdout.match(/^FAIL .*$/gm) ?? [];
      expect(failures).toEqual([
        `FAIL  signed in as account ${ACCOUNT.id} with profile ${PROFILE} (An error occurred (ForbiddenException) when calling the GetRoleCredentials operation: No access)`,
      ]);
      expect(run.stdout).toContain(
        'ask for it on the AWS Access page, then run the setup script again',
      );
      expect(run.stdout).toMatch(/^\d+ passed, 1 failed$/m);
      // The setup itself has nothing to change; its checks report the refusal.
      expect(run.stdout).toContain(
        `No change: ${machine.config} already has the portal's profiles`,
      );
      expect(run.status).toBe(0);
      expect(
        signIn!.calls
          .slice(calls)
          .map(c => `${c.host} ${c.operation} ${c.status}`),
      ).toEqual(['portal.sso.eu-north-1.amazonaws.com GetRoleCredentials 403']);
      expect(signIn!.unexpected).toEqual([]);
    });
  });
});
