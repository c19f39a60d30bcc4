import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { identityApiRef } from '@backstage/core-plugin-api';
import { mockApis } from '@backstage/test-utils';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { http, HttpResponse, delay } from 'msw';
import { Route, Routes } from 'react-router-dom';
import {
  freshStatus,
  myAccess,
  platformAccess,
  teams,
  twoOrganizationsAccess,
  twoOrganizationsStatus,
} from '../../__testUtils__/fixtures';
import {
  AWS_ACCESS_API,
  renderWithAwsAccess,
  serveJson,
  setupAwsAccessServer,
} from '../../__testUtils__/renderWithAwsAccess';
import { AwsAccessPage } from './AwsAccessPage';

// Whole-app renders with lazily loaded syntax highlighting are slow on a busy machine.
jest.setTimeout(30_000);

const server = setupAwsAccessServer();

const STATUS_URL = `${AWS_ACCESS_API}/status`;
const ACCOUNTS_URL = `${AWS_ACCESS_API}/entities/group/default/platform/accounts`;

function renderPage(
  route = '/aws-access',
  ownershipEntityRefs = ['user:default/guest'],
) {
  return renderWithAwsAccess(
    <Routes>
      <Route path="/aws-access/*" element={<AwsAccessPage />} />
    </Routes>,
    {
      apis: [
        [catalogApiRef, catalogApiMock({ entities: teams })],
        [identityApiRef, mockApis.identity({ ownershipEntityRefs })],
      ],
      routeEntries: [route],
    },
  );
}

describe('AwsAccessPage', () => {
  beforeEach(() => {
    serveJson(server, { '/status': freshStatus, '/me/accounts': myAccess });
  });

  it('lands on My access for a reader who holds roles', async () => {
    await renderPage();
    expect(
      await screen.findByRole('heading', { name: 'My AWS access' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('region', {
        name: 'Account platform-dev (318204556071)',
      }),
    ).toBeInTheDocument();
    expect(screen.queryByText('Choose a team')).not.toBeInTheDocument();
  });

  it("lists the reader's own teams first and titles a team by its display name", async () => {
    serveJson(server, {
      '/entities/group/default/platform/accounts': platformAccess,
    });
    await renderPage('/aws-access', [
      'user:default/guest',
      'group:default/platform',
    ]);
    const nav = await screen.findByRole('navigation', { name: 'Teams' });
    const items = within(nav).getAllByRole('button');
    expect(items.map(i => i.textContent)).toEqual([
      'PlatformYour team · group:default/platform',
      'Datagroup:default/data',
    ]);
    await userEvent.click(items[0]);
    expect(
      await screen.findByRole('heading', { name: 'AWS accounts of Platform' }),
    ).toBeInTheDocument();
  });

  it('lists the teams and asks a reader without roles to choose one', async () => {
    serveJson(server, { '/me/accounts': { ...myAccess, accounts: [] } });
    await renderPage();
    const nav = await screen.findByRole('navigation', { name: 'Teams' });
    expect(within(nav).getByText('Data')).toBeInTheDocument();
    expect(within(nav).getByText('Platform')).toBeInTheDocument();
    expect(screen.getByText('Choose a team')).toBeInTheDocument();
  });

  it("shows a chosen team's accounts with a profile block per role", async () => {
    let authorization: string | null = null;
    server.use(
      http.get(ACCOUNTS_URL, ({ request }) => {
        authorization = request.headers.get('authorization');
        return HttpResponse.json(platformAccess);
      }),
    );
    await renderPage();
    await userEvent.click(
      await screen.findByRole('button', { name: /Platform/ }),
    );

    const dev = await screen.findByRole('region', {
      name: 'Account platform-dev (318204556071)',
    });
    expect(within(dev).getByText('PowerUserAccess')).toBeInTheDocument();
    expect(
      within(dev).getByText(
        /Session lasts 8 hours · Granted via aws-platform-team/,
      ),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(dev).toHaveTextContent('[profile platform-dev-PowerUserAccess]'),
    );
    expect(dev).toHaveTextContent('sso_account_id = 318204556071');

    const prod = screen.getByRole('region', {
      name: 'Account platform "prod" [eu] (318204556245)',
    });
    await waitFor(() =>
      expect(prod).toHaveTextContent(
        '[profile platform-prod-eu-ReadOnlyAccess]',
      ),
    );
    expect(prod).toHaveTextContent('region = eu-west-1');

    await waitFor(() =>
      expect(
        screen.getByRole('region', { name: 'SSO session sikt' }),
      ).toHaveTextContent(
        'sso_start_url = https://d-c3670fd13e.awsapps.com/start',
      ),
    );
    expect(authorization).toBe('Bearer user-token');
  });

  it('shows progress while loading', async () => {
    server.use(
      http.get(ACCOUNTS_URL, async () => {
        await delay('infinite');
        return HttpResponse.json(platformAccess);
      }),
    );
    await renderPage('/aws-access?team=group:default/platform');
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('shows the backend error in a readable panel', async () => {
    server.use(
      http.get(ACCOUNTS_URL, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotFoundError',
              message: "No entity 'group:default/platform' in the catalog",
            },
            request: {
              method: 'GET',
              url: '/entities/group/default/platform/accounts',
            },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );
    await renderPage('/aws-access?team=group:default/platform');
    expect(
      await screen.findByText('Error: Could not load AWS access'),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(/No entity 'group:default\/platform' in the catalog/)
        .length,
    ).toBeGreaterThan(0);
  });

  it('explains which annotation to add when a team has no accounts', async () => {
    server.use(
      http.get(ACCOUNTS_URL, () =>
        HttpResponse.json({ ...platformAccess, accounts: [] }),
      ),
    );
    await renderPage('/aws-access?team=group:default/platform');
    expect(
      await screen.findByText(
        "No AWS accounts found for 'group:default/platform'",
      ),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(
        screen.getAllByText(/aws-access\/identity-center-group/).length,
      ).toBeGreaterThan(0),
    );
  });

  it('warns when the data is stale, saying why', async () => {
    server.use(
      http.get(STATUS_URL, () =>
        HttpResponse.json({
          stale: true,
          organizations: [
            {
              ...freshStatus.organizations[0],
              stale: true,
              staleReason:
                'The last sync from IAM Identity Center failed: ThrottlingException: Rate exceeded',
            },
          ],
        }),
      ),
      http.get(ACCOUNTS_URL, () => HttpResponse.json(platformAccess)),
    );
    await renderPage('/aws-access?team=group:default/platform');
    expect(
      await screen.findByText(/AWS access data may be out of date/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /The last sync from IAM Identity Center failed: ThrottlingException/,
      ),
    ).toBeInTheDocument();
  });

  it('names each organisation whose data is stale or missing, and only those', async () => {
    const [production, sandbox] = twoOrganizationsStatus.organizations;
    server.use(
      http.get(STATUS_URL, () =>
        HttpResponse.json({
          stale: true,
          organizations: [
            production,
            {
              ...sandbox,
              hasData: false,
              stale: true,
              lastSuccessAt: undefined,
              staleReason:
                'The last sync from IAM Identity Center failed: AccessDeniedException',
            },
          ],
        }),
      ),
      http.get(ACCOUNTS_URL, () => HttpResponse.json(twoOrganizationsAccess)),
    );
    await renderPage('/aws-access?team=group:default/platform');
    expect(
      await screen.findByText(
        'Sandbox: The last sync from IAM Identity Center failed: AccessDeniedException No data has been synced yet.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/^Production:/)).toBeNull();
  });

  it('shows no warning while the data is fresh', async () => {
    server.use(http.get(ACCOUNTS_URL, () => HttpResponse.json(platformAccess)));
    await renderPage('/aws-access?team=group:default/platform');
    await screen.findByRole('region', {
      name: 'Account platform-dev (318204556071)',
    });
    expect(
      screen.queryByText(/AWS access data may be out of date/),
    ).not.toBeInTheDocument();
  });

  it('shows annotation problems next to an empty result', async () => {
    const warning =
      "Annotation 'aws-access/identity-center-group' on 'group:default/platform' names 'shopp', which is not an IAM Identity Center group id or display name";
    server.use(
      http.get(ACCOUNTS_URL, () =>
        HttpResponse.json({
          ...platformAccess,
          accounts: [],
          warnings: [warning],
        }),
      ),
    );
    await renderPage('/aws-access?team=group:default/platform');
    expect(
      await screen.findByText(/Check this entity's annotations/),
    ).toBeInTheDocument();
    expect(screen.getByText(warning)).toBeInTheDocument();
  });

  it('explains a permission denial instead of showing an error dump', async () => {
    server.use(
      http.get(ACCOUNTS_URL, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotAllowedError',
              message:
                "You are not allowed to see AWS access (permission 'aws-access.read')",
            },
            request: {
              method: 'GET',
              url: '/entities/group/default/platform/accounts',
            },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );
    await renderPage('/aws-access?team=group:default/platform');
    expect(
      await screen.findByText('You may not see AWS access here'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        "You are not allowed to see AWS access (permission 'aws-access.read'). Ask your Backstage administrators if you need it.",
      ),
    ).toBeInTheDocument();
  });
});
