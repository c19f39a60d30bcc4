import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { identityApiRef } from '@backstage/core-plugin-api';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { mockApis } from '@backstage/test-utils';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  AWS_ACCESS_GRANTS_SIGNAL_CHANNEL,
  AccessGrant,
  AccountLookupResponse,
} from '@aws-access/backstage-plugin-aws-access-common';
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
const ME = 'user:default/guest';

/**
 * The reader holds nothing in platform-dev. ViewOnlyAccess and the Read* roles may be
 * requested for a while (the fixtures' policy); AdminAccess may not.
 */
const lookup: AccountLookupResponse = {
  account: {
    organization: 'default',
    id: DEV,
    name: 'platform-dev',
    roles: [
      { name: 'AdminAccess', grantedVia: ['aws-platform-team'] },
      {
        name: 'ReadOnlyAccess',
        sessionDuration: 'PT2H',
        grantedVia: ['aws-platform-team'],
      },
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

/** The reader's grants as `GET /access-grants` lists them, and how often it was asked. */
type Listing = { grants: AccessGrant[]; calls: number; fail?: boolean };

/**
 * Serves the lookup (with `roles` in platform-dev, `requireReason` as given) and the
 * reader's grants from `listing`, and records each POST to `/access-grants`, answering
 * `reply`; a grant it creates joins the listing.
 */
function serveLookup(
  reply: (body: unknown) => Response,
  options: {
    requireReason?: boolean;
    listing?: Listing;
    roles?: AccountLookupResponse['account']['roles'];
  } = {},
) {
  const { requireReason = true, listing = { grants: [], calls: 0 } } = options;
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
      account: {
        ...lookup.account,
        roles: options.roles ?? lookup.account.roles,
      },
      settings: { ...lookup.settings, organizations: [organization] },
    },
  });
  server.use(
    http.get(`${AWS_ACCESS_API}/access-grants`, () => {
      listing.calls += 1;
      return listing.fail
        ? backstageError(
            500,
            { name: 'Error', message: 'database unavailable' },
            { method: 'GET', url: '/access-grants' },
          )
        : HttpResponse.json({ grants: listing.grants });
    }),
    http.post(`${AWS_ACCESS_API}/access-grants`, async ({ request }) => {
      const body = await request.json();
      bodies.push(body);
      const response = reply(body);
      if (response.ok) {
        listing.grants.unshift(await response.clone().json());
      }
      return response;
    }),
  );
  return bodies;
}

/** A signals API whose test sends the messages, to every subscriber of a channel. */
function fakeSignals() {
  const listeners = new Map<string, Set<(message: object) => void>>();
  return {
    api: {
      subscribe(channel: string, onMessage: (message: object) => void) {
        const set = listeners.get(channel) ?? new Set();
        set.add(onMessage);
        listeners.set(channel, set);
        return { unsubscribe: () => set.delete(onMessage) };
      },
    },
    send: (channel: string, message: object) =>
      act(() => listeners.get(channel)?.forEach(listener => listener(message))),
  };
}

function renderLookup(signals = fakeSignals()) {
  return renderWithAwsAccess(<AccountLookupView accountId={DEV} />, {
    apis: [
      [catalogApiRef, catalogApiMock({ entities: teams })],
      [identityApiRef, mockApis.identity({ userEntityRef: ME })],
      [signalApiRef, signals.api],
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
    // Its sessions (2 hours) outlast a 1-hour grant, and it says so.
    const outlasts =
      'Sessions of this role last 2 hours: credentials taken near the end of the grant stay valid that long after it.';
    expect(within(dialog).getByText(outlasts)).toBeInTheDocument();

    // No reason: nothing is sent, the field says why.
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Request' }),
    );
    const reason = within(dialog).getByRole('textbox', { name: 'Reason' });
    expect(reason).toHaveAccessibleDescription('A reason is required.');
    expect(reason).toHaveFocus();
    expect(bodies).toEqual([]);

    await userEvent.selectOptions(duration, '4 hours');
    expect(within(dialog).queryByText(outlasts)).toBeNull();
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
      screen.getByText(/^Requested, waiting for approval/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: REQUEST_READ_ONLY }),
    ).toBeNull();
  });

  it('says a self-service role is granted without approval; an optional reason stays out', async () => {
    const bodies = serveLookup(
      body =>
        HttpResponse.json(
          accessGrant({
            requester: ME,
            ...(body as object),
            state: 'approved',
          }),
          { status: 201 },
        ),
      { requireReason: false },
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

describe('a role with an open request by the reader', () => {
  /** Read* roles the policy covers, one per state the reader's request is in. */
  const roles = [
    'ReadOnlyAccess',
    'ReadOnlyBilling',
    'ReadOnlyLogs',
    'ReadOnlyAudit',
    'ReadOnlyData',
    'ViewOnlyAccess',
  ].map(name => ({ name, grantedVia: ['aws-platform-team'] }));
  const expiresAt = '2026-12-01T10:30:00.000Z';
  const mine = (id: string, role: string, changes: Partial<AccessGrant>) =>
    accessGrant({ id, role, requester: ME, ...changes });

  /** The role's block: its heading and what follows it, up to the next role. */
  const roleBlock = (role: string) =>
    screen.getByRole('heading', { level: 3, name: role }).parentElement!
      .parentElement!;
  /** The live region that says where the role's request stands, in words. */
  const requestState = (role: string) =>
    within(roleBlock(role))
      .queryByRole('link', { name: 'Open your requests' })
      ?.closest('[role="status"]')?.textContent;
  const requestButton = (role: string) =>
    within(roleBlock(role)).queryByRole('button', {
      name: `Request temporary access: ${role} in platform-dev`,
    });

  it('says where each stands instead of the button, from one load, and offers the button again once it closes', async () => {
    const listing: Listing = {
      calls: 0,
      grants: [
        mine('g-1', 'ReadOnlyAccess', { state: 'pending' }),
        mine('g-2', 'ReadOnlyBilling', { state: 'granting' }),
        mine('g-3', 'ReadOnlyLogs', { state: 'active', expiresAt }),
        mine('g-4', 'ReadOnlyAudit', { state: 'expiring', overdue: true }),
        // Closed, or someone else's, or another organisation's: the button stays.
        mine('g-5', 'ReadOnlyData', { state: 'removed' }),
        accessGrant({ id: 'g-6', role: 'ReadOnlyData', state: 'pending' }),
        mine('g-7', 'ViewOnlyAccess', {
          organization: 'other',
          state: 'pending',
        }),
      ],
    };
    serveLookup(() => HttpResponse.json({}, { status: 500 }), {
      listing,
      roles,
    });
    const signals = fakeSignals();
    await renderLookup(signals);

    expect(
      await within(await waitFor(() => roleBlock('ReadOnlyAccess'))).findByRole(
        'link',
        { name: 'Open your requests' },
      ),
    ).toHaveAttribute('href', '/aws-access/requests');
    const until = new Intl.DateTimeFormat('en', {
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(new Date(expiresAt));
    expect(
      Object.fromEntries(
        roles.map(({ name }) => [
          name,
          requestState(name) ?? requestButton(name)?.textContent,
        ]),
      ),
    ).toEqual({
      ReadOnlyAccess: 'Requested, waiting for approval. Open your requests',
      ReadOnlyBilling: 'Approved, being granted. Open your requests',
      ReadOnlyLogs: `Granted until ${until}. Open your requests`,
      ReadOnlyAudit: 'Being removed. Open your requests',
      ReadOnlyData: 'Request temporary access',
      ViewOnlyAccess: 'Request temporary access',
    });
    expect(listing.calls).toBe(1);

    // Denied meanwhile: the backend signals, the role offers the button again.
    listing.grants[0] = { ...listing.grants[0], state: 'denied' };
    await signals.send(AWS_ACCESS_GRANTS_SIGNAL_CHANNEL, { grantId: 'g-1' });
    expect(await waitFor(() => requestButton('ReadOnlyAccess'))).toBeVisible();
    expect(requestState('ReadOnlyAccess')).toBeUndefined();
    expect(listing.calls).toBe(2);
  });

  it('keeps the button when the reader’s requests cannot be loaded', async () => {
    const listing: Listing = {
      calls: 0,
      fail: true,
      grants: [mine('g-1', 'ReadOnlyAccess', { state: 'pending' })],
    };
    serveLookup(() => HttpResponse.json({}, { status: 500 }), { listing });
    const signals = fakeSignals();
    await renderLookup(signals);
    await screen.findByRole('button', { name: REQUEST_READ_ONLY });
    await waitFor(() => expect(listing.calls).toBe(1));
    // Let the failed answer reach the page.
    await act(() => new Promise(resolve => setTimeout(resolve, 100)));
    expect(
      screen.getByRole('button', { name: REQUEST_READ_ONLY }),
    ).toBeVisible();
    expect(screen.queryByText(/waiting for approval/)).toBeNull();

    // The next load that succeeds shows the request.
    listing.fail = false;
    await signals.send(AWS_ACCESS_GRANTS_SIGNAL_CHANNEL, { grantId: 'g-1' });
    expect(
      await screen.findByText(/^Requested, waiting for approval/),
    ).toBeVisible();
    expect(
      screen.queryByRole('button', { name: REQUEST_READ_ONLY }),
    ).toBeNull();
  });
});
