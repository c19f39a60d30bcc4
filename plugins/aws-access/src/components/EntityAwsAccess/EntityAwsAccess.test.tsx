import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApis } from '@backstage/test-utils';
import { storageApiRef } from '@backstage/core-plugin-api';
import {
  freshStatus,
  myAccess,
  platformAccess,
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

function renderView(storage = mockApis.storage()) {
  serveJson(server, {
    '/status': freshStatus,
    '/entities/group/default/platform/accounts': platformAccess,
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

  it('links each role to the console through the access portal', async () => {
    await renderView();
    const link = await screen.findByRole('link', {
      name: /Open console in platform-dev as PowerUserAccess/,
    });
    expect(link).toHaveAttribute(
      'href',
      'https://d-c3670fd13e.awsapps.com/start/#/console?account_id=318204556071&role_name=PowerUserAccess',
    );
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
