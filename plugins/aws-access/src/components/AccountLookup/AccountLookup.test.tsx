import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { identityApiRef } from '@backstage/core-plugin-api';
import { mockApis } from '@backstage/test-utils';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  AccountLookupResponse,
  AccountSearchResponse,
} from '@aws-access/backstage-plugin-aws-access-common';
import { http, HttpResponse } from 'msw';
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
  backstageError,
  renderWithAwsAccess,
  serveJson,
  setupAwsAccessServer,
} from '../../__testUtils__/renderWithAwsAccess';
import { AwsAccessPage } from '../AwsAccessPage';

jest.setTimeout(30_000);

const server = setupAwsAccessServer();

const PROD = '318204556245';

/** An account with a hostile name, two groups, the reader holding one of its roles. */
const prodLookup: AccountLookupResponse = {
  account: {
    organization: 'default',
    id: PROD,
    name: 'platform "prod" [eu]',
    environment: 'prod',
    roles: [
      { name: 'AdminAccess', grantedVia: ['aws-platform-admins'] },
      { name: 'ReadOnlyAccess', grantedVia: ['aws-platform-team'] },
    ],
  },
  teams: { default: { 'aws-platform-team': 'group:default/platform' } },
  myRoles: ['ReadOnlyAccess'],
  settings: platformAccess.settings,
};

const prodHit: AccountSearchResponse = {
  query: 'prod',
  offset: 0,
  limit: 10,
  totalCount: 1,
  items: [
    {
      organization: 'default',
      id: PROD,
      name: 'platform "prod" [eu]',
      environment: 'prod',
      roles: ['AdminAccess', 'ReadOnlyAccess'],
      matchedBy: 'name',
    },
  ],
};

function renderPage(route: string, userEntityRef = 'user:default/guest') {
  return renderWithAwsAccess(
    <Routes>
      <Route path="/aws-access/*" element={<AwsAccessPage />} />
    </Routes>,
    {
      apis: [
        [catalogApiRef, catalogApiMock({ entities: teams })],
        [identityApiRef, mockApis.identity({ userEntityRef })],
      ],
      routeEntries: [route],
    },
  );
}

/** Serves the page's status and the reader's own access, and `lookup` for {@link PROD}. */
function serveProd(lookup: AccountLookupResponse) {
  serveJson(server, {
    '/status': freshStatus,
    '/me/accounts': myAccess,
    [`/accounts/${PROD}`]: lookup,
  });
}

describe('account lookup', () => {
  beforeEach(() => serveProd(prodLookup));

  it('finds an account by name and opens it', async () => {
    const queries: string[] = [];
    server.use(
      http.get(`${AWS_ACCESS_API}/accounts`, ({ request }) => {
        queries.push(new URL(request.url).searchParams.get('query') ?? '');
        return HttpResponse.json(prodHit);
      }),
    );
    await renderPage('/aws-access');
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Find an AWS account' }),
      '  prod',
    );
    const hits = await screen.findByRole('list', { name: 'Matching accounts' });
    expect(queries).toEqual(['prod']);
    expect(hits).toHaveTextContent(`${PROD} · prod`);
    await userEvent.click(
      within(hits).getByRole('link', { name: 'platform "prod" [eu]' }),
    );
    expect(
      await screen.findByRole('heading', {
        name: `platform "prod" [eu] (${PROD})`,
      }),
    ).toBeInTheDocument();
  });

  it('opens the account an ARN names on Enter', async () => {
    server.use(
      http.get(`${AWS_ACCESS_API}/accounts`, () =>
        HttpResponse.json({ ...prodHit, items: [], totalCount: 0 }),
      ),
    );
    await renderPage('/aws-access');
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Find an AWS account' }),
      `arn:aws:iam::${PROD}:role/x{Enter}`,
    );
    expect(
      await screen.findByRole('heading', {
        name: `platform "prod" [eu] (${PROD})`,
      }),
    ).toBeInTheDocument();
  });

  it('says when nothing matches', async () => {
    server.use(
      http.get(`${AWS_ACCESS_API}/accounts`, () =>
        HttpResponse.json({
          query: 'nothing',
          offset: 0,
          limit: 10,
          totalCount: 0,
          items: [],
        }),
      ),
    );
    await renderPage('/aws-access');
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Find an AWS account' }),
      'nothing',
    );
    expect(
      await screen.findByText('No account matches "nothing".'),
    ).toBeInTheDocument();
  });

  it('shows who holds roles, the teams behind them, the reader’s own roles and whom to ask', async () => {
    await renderPage(`/aws-access/accounts/${PROD}`);
    const table = await screen.findByRole('table', {
      name: 'Who holds roles here',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(r => r.textContent)).toEqual([
      'aws-platform-admins—AdminAccess',
      'aws-platform-teamplatformReadOnlyAccess',
    ]);
    expect(
      screen.getByText('You hold 1 of the 2 roles in this account.'),
    ).toBeInTheDocument();
    const account = screen.getByRole('region', {
      name: `Account platform "prod" [eu] (${PROD})`,
    });
    expect(within(account).getByText('You have this role')).toBeInTheDocument();
    expect(account).toHaveTextContent(
      'You do not have this role. Ask the owners to add you to "aws-platform-admins".',
    );
    await waitFor(() =>
      expect(account).toHaveTextContent(`sso_account_id = ${PROD}`),
    );
  });

  it('says so for an account Identity Center does not know', async () => {
    server.use(
      http.get(`${AWS_ACCESS_API}/accounts/999999999999`, () =>
        backstageError(
          404,
          {
            name: 'NotFoundError',
            message: "No AWS account '999999999999' in IAM Identity Center",
          },
          { method: 'GET', url: '/accounts/999999999999' },
        ),
      ),
    );
    await renderPage('/aws-access/accounts/999999999999');
    expect(
      await screen.findByText(
        'No account "999999999999" in IAM Identity Center',
      ),
    ).toBeInTheDocument();
  });

  it('links a missing role to the configured request system, every value encoded', async () => {
    const hostileGroup = 'aws "admins" [eu]&x=1\nü';
    serveJson(server, {
      [`/accounts/${PROD}`]: {
        ...prodLookup,
        account: {
          ...prodLookup.account,
          roles: [
            { name: 'AdminAccess', grantedVia: [hostileGroup] },
            prodLookup.account.roles[1],
          ],
        },
        teams: { default: { [hostileGroup]: 'group:default/platform' } },
        settings: {
          ...prodLookup.settings,
          requestAccess: {
            urlTemplate:
              'https://team.example.com/new?account={accountId}&name={accountName}&role={role}&group={group}&team={team}&user={user}',
          },
        },
      },
    });
    await renderPage(`/aws-access/accounts/${PROD}`, "user:default/o'brien");
    const link = await screen.findByRole('link', {
      name: /^Request access: AdminAccess in platform "prod" \[eu\] through aws "admins"/,
    });
    expect(link.getAttribute('aria-label')).toBe(
      `Request access: AdminAccess in platform "prod" [eu] through ${hostileGroup}, Opens in a new window`,
    );
    const href = link.getAttribute('href') ?? '';
    expect(href).toBe(
      'https://team.example.com/new?account=318204556245' +
        '&name=platform%20%22prod%22%20%5Beu%5D' +
        '&role=AdminAccess' +
        '&group=aws%20%22admins%22%20%5Beu%5D%26x%3D1%0A%C3%BC' +
        '&team=group%3Adefault%2Fplatform' +
        "&user=user%3Adefault%2Fo'brien",
    );
    const params = new URL(href).searchParams;
    expect(params.get('group')).toBe(hostileGroup);
    expect(params.get('x')).toBeNull();
    // The reader holds ReadOnlyAccess: nothing to request there.
    expect(screen.getAllByRole('link', { name: /^Request / })).toHaveLength(1);
  });

  it('shows no request link or ask button unless one is configured', async () => {
    await renderPage(`/aws-access/accounts/${PROD}`);
    await screen.findByRole('table', { name: 'Who holds roles here' });
    expect(screen.queryByRole('link', { name: /^Request / })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Ask / })).toBeNull();
  });
});

describe('asking the team with a notification', () => {
  const hostileGroup = 'aws "platform"\nteam ü';
  /** The reader holds nothing; ReadOnlyAccess comes from a group a team is behind. */
  const lookup: AccountLookupResponse = {
    ...prodLookup,
    account: {
      ...prodLookup.account,
      roles: [
        prodLookup.account.roles[0],
        { name: 'ReadOnlyAccess', grantedVia: [hostileGroup] },
      ],
    },
    teams: { default: { [hostileGroup]: 'group:default/platform' } },
    myRoles: [],
    settings: {
      ...prodLookup.settings,
      requestAccess: { notifyTeam: true },
    },
  };
  const askName = 'Ask platform for ReadOnlyAccess in platform "prod" [eu]';

  beforeEach(() => serveProd(lookup));

  it('sends the account, role and group, then says the request went to the team', async () => {
    const bodies: unknown[] = [];
    server.use(
      http.post(`${AWS_ACCESS_API}/access-requests`, async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json(
          { team: 'group:default/platform' },
          { status: 202 },
        );
      }),
    );
    await renderPage(`/aws-access/accounts/${PROD}`);
    const ask = await screen.findByRole('button', { name: askName });
    expect(ask).toHaveTextContent('Ask platform');
    // AdminAccess comes from a group no team is behind: nobody to notify.
    expect(screen.getAllByRole('button', { name: /^Ask / })).toHaveLength(1);
    await userEvent.click(ask);
    expect(
      await screen.findByText('Request sent to platform.'),
    ).toHaveAttribute('role', 'status');
    expect(bodies).toEqual([
      {
        organization: 'default',
        accountId: PROD,
        role: 'ReadOnlyAccess',
        group: hostileGroup,
      },
    ]);
    expect(screen.queryByRole('button', { name: askName })).toBeNull();
  });

  it.each([
    [
      'a refusal in the backend’s words',
      () =>
        backstageError(
          409,
          {
            name: 'ConflictError',
            message: 'awsAccess.requestAccess.notifyTeam is not enabled',
          },
          { method: 'POST', url: '/access-requests' },
        ),
      'Could not ask platform: awsAccess.requestAccess.notifyTeam is not enabled',
    ],
    [
      'a proxy’s HTML error page',
      () =>
        new HttpResponse('<html>Bad gateway</html>', {
          status: 502,
          statusText: 'Bad Gateway',
          headers: { 'Content-Type': 'text/html' },
        }),
      'Could not ask platform: Request failed with 502 Bad Gateway',
    ],
  ])('shows %s and lets the reader try again', async (_, reply, message) => {
    server.use(http.post(`${AWS_ACCESS_API}/access-requests`, reply));
    await renderPage(`/aws-access/accounts/${PROD}`);
    await userEvent.click(await screen.findByRole('button', { name: askName }));
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(screen.getByRole('button', { name: askName })).toBeEnabled();
  });
});

describe('accounts in two organisations', () => {
  const [prodDev, sandboxDev] = twoOrganizationsAccess.accounts;
  /** The sandbox's platform-dev, whose aws-platform-team is the data team's. */
  const sandboxLookup: AccountLookupResponse = {
    account: sandboxDev,
    teams: twoOrganizationsAccess.teams!,
    myRoles: [],
    settings: twoOrganizationsAccess.settings,
  };

  beforeEach(() =>
    serveJson(server, {
      '/status': twoOrganizationsStatus,
      '/me/accounts': myAccess,
    }),
  );

  it("opens the account of the organisation the URL names, with that organisation's session and teams", async () => {
    const asked: Array<string | null> = [];
    server.use(
      http.get(`${AWS_ACCESS_API}/accounts/${sandboxDev.id}`, ({ request }) => {
        asked.push(new URL(request.url).searchParams.get('organization'));
        return HttpResponse.json(sandboxLookup);
      }),
    );
    await renderPage(
      `/aws-access/accounts/${sandboxDev.id}?organization=sandbox`,
    );
    expect(
      await screen.findByRole('heading', {
        name: `platform-dev (${sandboxDev.id}) in Sandbox`,
      }),
    ).toBeInTheDocument();
    expect(asked[0]).toBe('sandbox');
    const table = screen.getByRole('table', { name: 'Who holds roles here' });
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map(r => r.textContent),
    ).toEqual(['aws-platform-teamdataPowerUserAccess']);
    const account = screen.getByRole('region', {
      name: `Account platform-dev (${sandboxDev.id}) in Sandbox`,
    });
    expect(account).toHaveTextContent(
      'Ask data to add you to "aws-platform-team"',
    );
    await waitFor(() =>
      expect(account).toHaveTextContent('sso_session = sikt-sandbox'),
    );
    expect(
      screen.getByRole('region', { name: 'SSO session sikt-sandbox' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('region', { name: 'SSO session sikt' }),
    ).toBeNull();
  });

  it('names the organisation of each hit and links to the account in it', async () => {
    const hits: AccountSearchResponse = {
      query: 'platform-dev',
      offset: 0,
      limit: 10,
      totalCount: 2,
      items: [prodDev, sandboxDev].map(a => ({
        organization: a.organization,
        id: a.id,
        name: a.name,
        environment: a.environment,
        roles: ['PowerUserAccess'],
        matchedBy: 'name' as const,
      })),
    };
    serveJson(server, { '/accounts': hits });
    await renderPage('/aws-access');
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Find an AWS account' }),
      'platform-dev',
    );
    const list = await screen.findByRole('list', { name: 'Matching accounts' });
    await waitFor(() =>
      expect(list).toHaveTextContent(`${sandboxDev.id} · Sandbox · dev`),
    );
    expect(list).toHaveTextContent(`${prodDev.id} · Production · dev`);
    expect(
      within(list)
        .getAllByRole('link', { name: 'platform-dev' })
        .map(link => link.getAttribute('href')),
    ).toEqual([
      `/aws-access/accounts/${prodDev.id}?organization=prod`,
      `/aws-access/accounts/${sandboxDev.id}?organization=sandbox`,
    ]);
  });

  it('asks which organisation is meant when several know the id', async () => {
    const SHARED = '111122223333';
    server.use(
      http.get(`${AWS_ACCESS_API}/accounts/${SHARED}`, () =>
        backstageError(
          400,
          {
            name: 'InputError',
            message: `AWS account '${SHARED}' is in several organizations (prod, sandbox): name one with the 'organization' parameter`,
          },
          { method: 'GET', url: `/accounts/${SHARED}` },
        ),
      ),
    );
    serveJson(server, {
      '/accounts': {
        query: SHARED,
        offset: 0,
        limit: 20,
        totalCount: 2,
        items: ['prod', 'sandbox'].map(organization => ({
          organization,
          id: SHARED,
          name: `shared-${organization}`,
          roles: [],
          matchedBy: 'id',
        })),
      },
    });
    await renderPage(`/aws-access/accounts/${SHARED}`);
    const choices = await screen.findByRole('list', {
      name: 'Organisations with this account',
    });
    expect(
      screen.getByText(
        `Account ${SHARED} is in several organisations: choose one`,
      ),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(
        within(choices).getByRole('link', { name: 'Sandbox' }),
      ).toHaveAttribute(
        'href',
        `/aws-access/accounts/${SHARED}?organization=sandbox`,
      ),
    );
    expect(
      within(choices).getByRole('link', { name: 'Production' }),
    ).toHaveAttribute(
      'href',
      `/aws-access/accounts/${SHARED}?organization=prod`,
    );
  });
});
