import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { identityApiRef } from '@backstage/core-plugin-api';
import { mockApis } from '@backstage/test-utils';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { AccountLookupResponse } from '@aws-access/backstage-plugin-aws-access-common';
import { http, HttpResponse } from 'msw';
import {
  accessGrant,
  freshStatus,
  myAccess,
  teams,
  temporaryAccess,
  temporaryAccessOrganization,
} from '../../__testUtils__/fixtures';
import {
  AWS_ACCESS_API,
  backstageError,
  renderWithAwsAccess,
  serveJson,
  setupAwsAccessServer,
} from '../../__testUtils__/renderWithAwsAccess';
import { AccountLookupView } from '../AccountLookup';

jest.setTimeout(30_000);

const server = setupAwsAccessServer();

const DEV = '318204556071';

/**
 * The reader holds nothing in platform-dev. ReadOnlyAccess and ViewOnlyAccess may be
 * requested for a while (the fixtures' policy); AdminAccess may not.
 */
const lookup: AccountLookupResponse = {
  account: {
    organization: 'default',
    id: DEV,
    name: 'platform-dev',
    roles: [
      { name: 'AdminAccess', grantedVia: ['aws-platform-team'] },
      { name: 'ReadOnlyAccess', grantedVia: ['aws-platform-team'] },
      { name: 'ViewOnlyAccess', grantedVia: ['aws-platform-team'] },
    ],
  },
  teams: { default: { 'aws-platform-team': 'group:default/platform' } },
  myRoles: [],
  settings: {
    organizations: [temporaryAccessOrganization],
    requestAccess: { notifyTeam: true },
  },
};

const REQUEST_READ_ONLY =
  'Request temporary access: ReadOnlyAccess in platform-dev';

/**
 * Serves the lookup, with `requireReason` as given, and records each POST to
 * `/access-grants`, answering `reply`.
 */
function serveLookup(reply: (body: unknown) => Response, requireReason = true) {
  const bodies: unknown[] = [];
  const organization = {
    ...temporaryAccessOrganization,
    temporaryAccess: { ...temporaryAccess, requireReason },
  };
  serveJson(server, {
    '/status': freshStatus,
    '/me/accounts': myAccess,
    [`/accounts/${DEV}`]: {
      ...lookup,
      settings: { ...lookup.settings, organizations: [organization] },
    },
  });
  server.use(
    http.post(`${AWS_ACCESS_API}/access-grants`, async ({ request }) => {
      const body = await request.json();
      bodies.push(body);
      return reply(body);
    }),
  );
  return bodies;
}

function renderLookup() {
  return renderWithAwsAccess(<AccountLookupView accountId={DEV} />, {
    apis: [
      [catalogApiRef, catalogApiMock({ entities: teams })],
      [identityApiRef, mockApis.identity()],
    ],
  });
}

async function openDialog(name = REQUEST_READ_ONLY) {
  await userEvent.click(await screen.findByRole('button', { name }));
  return screen.findByRole('dialog', { name: 'Request temporary access' });
}

describe('requesting temporary access', () => {
  it('offers it for the roles the policy covers, instead of asking the team', async () => {
    serveLookup(() => HttpResponse.json({}, { status: 500 }));
    await renderLookup();
    await screen.findByRole('button', { name: REQUEST_READ_ONLY });
    expect(
      screen
        .getAllByRole('button', { name: /^Request temporary access/ })
        .map(b => b.getAttribute('aria-label')),
    ).toEqual([
      REQUEST_READ_ONLY,
      'Request temporary access: ViewOnlyAccess in platform-dev',
    ]);
    // AdminAccess is outside the policy: the team is asked as before.
    expect(
      screen
        .getAllByRole('button', { name: /^Ask / })
        .map(b => b.getAttribute('aria-label')),
    ).toEqual(['Ask platform for AdminAccess in platform-dev']);
  });

  it('bounds the duration to the rule, requires a reason, posts the request and says it waits', async () => {
    const bodies = serveLookup(body =>
      HttpResponse.json(
        accessGrant({
          requester: 'user:default/guest',
          ...(body as object),
          state: 'pending',
        }),
        { status: 201 },
      ),
    );
    await renderLookup();
    const dialog = await openDialog();
    expect(
      within(dialog).getByText('ReadOnlyAccess in platform-dev (318204556071)'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText(
        'The team that holds this role in the account approves the request.',
      ),
    ).toBeInTheDocument();
    const duration = within(dialog).getByRole('combobox', {
      name: 'Duration',
    });
    expect(
      within(duration)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['15 minutes', '1 hour', '4 hours']);
    expect(duration).toHaveValue('60');
    expect(within(dialog).getByText('At most 4 hours')).toBeInTheDocument();

    // No reason: nothing is sent, the field says why.
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Request' }),
    );
    const reason = within(dialog).getByRole('textbox', { name: 'Reason' });
    expect(reason).toHaveAccessibleDescription('A reason is required.');
    expect(reason).toHaveFocus();
    expect(bodies).toEqual([]);

    await userEvent.selectOptions(duration, '4 hours');
    await userEvent.type(reason, '  Debug the nightly export  ');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Request' }),
    );
    expect(
      await within(dialog).findByText(
        /^Requested ReadOnlyAccess for 4 hours: waiting for approval\./,
      ),
    ).toHaveAttribute('role', 'status');
    expect(
      within(dialog).getByRole('link', { name: 'Open your requests' }),
    ).toHaveAttribute('href', '/aws-access/requests');
    expect(bodies).toEqual([
      {
        organization: 'default',
        accountId: DEV,
        role: 'ReadOnlyAccess',
        durationMinutes: 240,
        reason: 'Debug the nightly export',
      },
    ]);

    // Closed, the role says what became of the request instead of offering it again.
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close' }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(
      screen.getByText(/^Requested ReadOnlyAccess for 4 hours/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: REQUEST_READ_ONLY }),
    ).toBeNull();
  });

  it('says a self-service role is granted without approval; an optional reason stays out', async () => {
    const bodies = serveLookup(
      body =>
        HttpResponse.json(
          accessGrant({ ...(body as object), state: 'approved' }),
          { status: 201 },
        ),
      false,
    );
    await renderLookup();
    const dialog = await openDialog(
      'Request temporary access: ViewOnlyAccess in platform-dev',
    );
    expect(
      within(dialog).getByText('Self-service: granted without approval.'),
    ).toBeInTheDocument();
    expect(
      within(within(dialog).getByRole('combobox', { name: 'Duration' }))
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['15 minutes', '1 hour']);
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Request' }),
    );
    expect(
      await within(dialog).findByText(
        /^Approved ViewOnlyAccess for 1 hour: the role is being granted\./,
      ),
    ).toBeInTheDocument();
    expect(bodies).toEqual([
      {
        organization: 'default',
        accountId: DEV,
        role: 'ViewOnlyAccess',
        durationMinutes: 60,
      },
    ]);
  });

  it('shows the backend’s refusal and keeps the form', async () => {
    serveLookup(() =>
      backstageError(
        400,
        {
          name: 'InputError',
          message: "'durationMinutes' must be at most 60 for 'ReadOnlyAccess'",
        },
        { method: 'POST', url: '/access-grants' },
      ),
    );
    await renderLookup();
    const dialog = await openDialog();
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Reason' }),
      'Debug',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Request' }),
    );
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      "Could not request access: 'durationMinutes' must be at most 60 for 'ReadOnlyAccess'",
    );
    expect(
      within(dialog).getByRole('button', { name: 'Request' }),
    ).toBeEnabled();
    expect(within(dialog).getByRole('textbox', { name: 'Reason' })).toHaveValue(
      'Debug',
    );
  });
});
