import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApis } from '@backstage/test-utils';
import { storageApiRef } from '@backstage/core-plugin-api';
import {
  freshStatus,
  myAccess,
  platformAccess,
  twoOrganizationsAccess,
  twoOrganizationsStatus,
} from '../../__testUtils__/fixtures';
import {
  renderWithAwsAccess,
  serveJson,
  setupAwsAccessServer,
} from '../../__testUtils__/renderWithAwsAccess';
import { EntityAwsAccess } from './EntityAwsAccess';

// Whole-app renders with lazily loaded syntax highlighting are slow on a busy machine.
jest.setTimeout(30_000);

const server = setupAwsAccessServer();

function renderView(storage = mockApis.storage(), access = platformAccess) {
  serveJson(server, {
    '/status':
      access.settings.organizations.length > 1
        ? twoOrganizationsStatus
        : freshStatus,
    '/entities/group/default/platform/accounts': access,
    '/me/accounts': myAccess,
  });
  return renderWithAwsAccess(
    <EntityAwsAccess entityRef="group:default/platform" />,
    { apis: [[storageApiRef, storage]] },
  );
}

const devRegion = () =>
  screen.findByRole('region', { name: 'Account platform-dev (318204556071)' });

describe('EntityAwsAccess CLI setup', () => {
  it("keeps the reader's region in their settings and uses it in every profile", async () => {
    const storage = mockApis.storage();
    const first = await renderView(storage);
    await userEvent.click(
      await screen.findByRole('button', { name: /Default region/ }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'eu-west-1' }),
    );
    const dev = await devRegion();
    await waitFor(() => expect(dev).toHaveTextContent('region = eu-west-1'), {
      timeout: 5000,
    });
    expect(storage.forBucket('aws-access').snapshot('region').value).toBe(
      'eu-west-1',
    );

    first.unmount();
    await renderView(storage);
    await waitFor(
      async () =>
        expect(await devRegion()).toHaveTextContent('region = eu-west-1'),
      { timeout: 15_000 },
    );
  });

  it('writes legacy profiles, without the session block, for CLIs older than 2.9', async () => {
    await renderView();
    await userEvent.click(
      await screen.findByRole('checkbox', {
        name: 'My AWS CLI is older than 2.9',
      }),
    );
    const dev = await devRegion();
    await waitFor(
      () =>
        expect(dev).toHaveTextContent(
          'sso_start_url = https://d-c3670fd13e.awsapps.com/start',
        ),
      { timeout: 15_000 },
    );
    expect(
      screen.queryByRole('region', { name: 'SSO session sikt' }),
    ).toBeNull();
  });

  it('links each role to the console through the access portal, and shows nothing of organisations with one', async () => {
    await renderView();
    const link = await screen.findByRole('link', {
      name: /Open console in platform-dev as PowerUserAccess/,
    });
    expect(link).toHaveAttribute(
      'href',
      'https://d-c3670fd13e.awsapps.com/start/#/console?account_id=318204556071&role_name=PowerUserAccess',
    );
    expect(screen.queryByRole('button', { name: /^Organisation/ })).toBeNull();
    expect(screen.queryByText("Each organisation's own default")).toBeNull();
    expect(
      screen.getAllByRole('region', { name: /^SSO session/ }),
    ).toHaveLength(1);
  });

  it('gives the aws configure sso answers in wizard order', async () => {
    await renderView();
    await userEvent.click(
      await screen.findByText('CLI steps for platform-dev-PowerUserAccess'),
    );
    const table = await screen.findByRole('table', {
      name: 'aws configure sso answers for platform-dev-PowerUserAccess',
    });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map(r => r.textContent);
    expect(rows).toEqual([
      'SSO session namesikt',
      'SSO start URLhttps://d-c3670fd13e.awsapps.com/start',
      'SSO regioneu-north-1',
      'SSO registration scopessso:account:access',
      'AWS account (pick from the list)platform-dev (318204556071)',
      'Role (pick from the list)PowerUserAccess',
      'CLI default client Regioneu-north-1',
      'CLI default output formatjson',
      'CLI profile nameplatform-dev-PowerUserAccess',
    ]);
  });

  it('copies every profile with "Copy all"', async () => {
    const user = userEvent.setup();
    const writeText = jest.spyOn(window.navigator.clipboard, 'writeText');
    await renderView();
    await user.click(await screen.findByRole('button', { name: 'Copy all' }));
    expect(writeText).toHaveBeenCalledTimes(1);
    const copied = writeText.mock.calls[0][0];
    expect(copied.startsWith('[sso-session sikt]\n')).toBe(true);
    expect(copied.match(/^\[profile /gm)).toHaveLength(2);
    expect(copied).toContain('[profile platform-prod-eu-ReadOnlyAccess]');
  });

  it('keeps checklist progress in the storage API', async () => {
    const storage = mockApis.storage();
    await renderView(storage);
    expect(await screen.findByText('0 of 7 done')).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'AWS CLI 2.9 or newer installed' }),
    );
    expect(await screen.findByText('1 of 7 done')).toBeInTheDocument();
    expect(storage.forBucket('aws-access').snapshot('checklist').value).toEqual(
      {
        cli: true,
      },
    );
  });

  it('shows which roles the reader holds and whom to ask for the others', async () => {
    await renderView();
    const dev = await devRegion();
    expect(
      await within(dev).findByText('You have this role'),
    ).toBeInTheDocument();
    const prod = screen.getByRole('region', {
      name: 'Account platform "prod" [eu] (318204556245)',
    });
    await waitFor(() =>
      expect(prod).toHaveTextContent(
        'You do not have this role. Ask platform to add you to "aws-platform-team".',
      ),
    );
    expect(
      within(prod).getByRole('link', { name: 'platform' }),
    ).toHaveAttribute('href', '/catalog/default/group/platform');
  });
});

describe('EntityAwsAccess with accounts in two organisations', () => {
  const renderTwo = (storage = mockApis.storage()) =>
    renderView(storage, twoOrganizationsAccess);
  const accountIn = (organization: string, id: string) =>
    screen.findByRole('region', {
      name: `Account platform-dev (${id}) in ${organization}`,
    });

  it("shows each account's organisation and one session per organisation, each profile using its own", async () => {
    await renderTwo();
    const prod = await accountIn('Production', '318204556071');
    const sandbox = await accountIn('Sandbox', '604112784586');
    expect(within(prod).getByText('Production')).toBeInTheDocument();
    expect(within(sandbox).getByText('Sandbox')).toBeInTheDocument();
    await waitFor(() =>
      expect(sandbox).toHaveTextContent('sso_session = sikt-sandbox'),
    );
    expect(sandbox).toHaveTextContent('region = us-gov-west-1');
    expect(sandbox).toHaveTextContent('output = yaml');
    expect(prod).toHaveTextContent('sso_session = sikt');
    expect(prod).not.toHaveTextContent('sikt-sandbox');
    expect(
      within(sandbox).getByRole('link', { name: /^Open console/ }),
    ).toHaveAttribute(
      'href',
      'https://d-90677a1b2c.awsapps.com/start/#/console?account_id=604112784586&role_name=PowerUserAccess',
    );
    // The same group name, two teams: whom to ask depends on the organisation.
    await waitFor(() =>
      expect(sandbox).toHaveTextContent(
        'Ask data to add you to "aws-platform-team"',
      ),
    );
    expect(prod).toHaveTextContent(
      'Ask platform to add you to "aws-platform-team"',
    );

    const sessions = screen.getAllByRole('region', { name: /^SSO session/ });
    expect(sessions.map(s => s.getAttribute('aria-label'))).toEqual([
      'SSO session sikt',
      'SSO session sikt-sandbox',
    ]);
    expect(sessions[1]).toHaveTextContent('For Sandbox:');
    expect(sessions[1]).toHaveTextContent(
      'sso_start_url = https://d-90677a1b2c.awsapps.com/start',
    );
  });

  it('filters by organisation from the keyboard, with the sessions that remain', async () => {
    await renderTwo();
    await accountIn('Production', '318204556071');
    const filter = screen.getByRole('button', {
      name: /^Organisation/,
    });
    filter.focus();
    await userEvent.keyboard('{ArrowDown}');
    const options = await screen.findByRole('listbox');
    expect(
      within(options)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['All organisations', 'Production', 'Sandbox']);
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    await waitFor(() =>
      expect(
        screen.queryByRole('region', { name: /in Production$/ }),
      ).toBeNull(),
    );
    expect(await accountIn('Sandbox', '604112784586')).toBeInTheDocument();
    expect(
      screen
        .getAllByRole('region', { name: /^SSO session/ })
        .map(s => s.getAttribute('aria-label')),
    ).toEqual(['SSO session sikt-sandbox']);
  });

  it('applies the region to the organisations that offer it, and copies both sessions', async () => {
    const user = userEvent.setup();
    const writeText = jest.spyOn(window.navigator.clipboard, 'writeText');
    await renderTwo();
    const sandbox = await accountIn('Sandbox', '604112784586');
    const prod = await accountIn('Production', '318204556071');
    expect(
      screen.getByRole('button', {
        name: /Default region Each organisation's own default/,
      }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Default region/ }));
    await user.click(await screen.findByRole('option', { name: 'eu-west-1' }));
    await waitFor(() => expect(prod).toHaveTextContent('region = eu-west-1'), {
      timeout: 5000,
    });
    expect(sandbox).toHaveTextContent('region = us-gov-west-1');

    await user.click(screen.getByRole('button', { name: 'Copy all' }));
    const copied = writeText.mock.calls[0][0];
    expect(copied.match(/^\[sso-session .*\]$/gm)).toEqual([
      '[sso-session sikt]',
      '[sso-session sikt-sandbox]',
    ]);
    expect(copied.match(/^sso_session = .*$/gm)?.sort()).toEqual([
      'sso_session = sikt',
      'sso_session = sikt-sandbox',
    ]);
  });

  it('has checklist steps and sign-in commands for each session', async () => {
    await renderTwo();
    expect(await screen.findByText('0 of 10 done')).toBeInTheDocument();
    for (const step of [
      'SSO session "sikt" of Production configured',
      'SSO session "sikt-sandbox" of Sandbox configured',
      'Signed in to session "sikt"',
      'Signed in to session "sikt-sandbox"',
      'MFA enabled in Sandbox',
    ]) {
      expect(screen.getByRole('checkbox', { name: step })).toBeInTheDocument();
    }
    const expired = screen.getByRole('region', {
      name: 'Token has expired, or "Error loading SSO Token"',
    });
    expect(expired).toHaveTextContent(
      'aws sso login --sso-session sikt aws sso login --sso-session sikt-sandbox',
    );
    expect(expired).toHaveTextContent(
      'Each organisation has its own session (sikt, sikt-sandbox)',
    );
  });
});
