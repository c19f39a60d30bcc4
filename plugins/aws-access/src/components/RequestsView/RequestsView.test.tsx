import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { identityApiRef } from '@backstage/core-plugin-api';
import { mockApis } from '@backstage/test-utils';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { signalApiRef } from '@backstage/plugin-signals-react';
import {
  AWS_ACCESS_GRANTS_SIGNAL_CHANNEL,
  AccessGrant,
} from '@aws-access/backstage-plugin-aws-access-common';
import { http, HttpResponse } from 'msw';
import { Route, Routes } from 'react-router-dom';
import {
  accessGrant,
  freshStatus,
  myAccess,
  myAccessWithRequests,
  teams,
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

const ME = 'user:default/guest';
const HOSTILE = '<img src=x onerror=alert(1)>';

/** Ada asks for ReadOnlyAccess with a hostile reason; the reader may decide. */
const adasRequest = accessGrant({
  id: 'g-ada',
  reason: HOSTILE,
  actions: ['approve', 'deny'],
});

/** The reader's own: one active for another 90 minutes, one denied. */
const myActive = accessGrant({
  id: 'g-mine',
  requester: ME,
  role: 'PowerUserAccess',
  durationMinutes: 120,
  state: 'active',
  grantedAt: '2026-12-01T08:00:00.000Z',
  actions: ['revoke'],
});
const myDenied = accessGrant({
  id: 'g-denied',
  requester: ME,
  role: 'AdminAccess',
  state: 'denied',
  decidedBy: 'user:default/ada',
  decisionReason: 'Ask for ReadOnlyAccess instead',
});

/** Bob's, approved earlier by the reader's team, whose removal is late. */
const bobsOverdue = accessGrant({
  id: 'g-bob',
  requester: 'user:default/bob',
  state: 'expiring',
  overdue: true,
  lastError: 'ThrottlingException: Rate exceeded',
  actions: ['revoke'],
});

/** Serves the grants, a new list each time `list()` changes; counts the reads. */
function serveGrants(initial: AccessGrant[]) {
  let grants = initial;
  let reads = 0;
  server.use(
    http.get(`${AWS_ACCESS_API}/access-grants`, () => {
      reads += 1;
      return HttpResponse.json({ grants });
    }),
  );
  return {
    set: (next: AccessGrant[]) => {
      grants = next;
    },
    reads: () => reads,
  };
}

/** Records the POSTs to `/access-grants/:id/:action` and answers with `reply`. */
function recordDecisions(reply: () => Response = () => HttpResponse.json({})) {
  const decisions: Array<{ path: string; body: unknown }> = [];
  server.use(
    http.post(
      `${AWS_ACCESS_API}/access-grants/:id/:action`,
      async ({ request, params }) => {
        decisions.push({
          path: `${params.id}/${params.action}`,
          body: await request.json(),
        });
        return reply();
      },
    ),
  );
  return decisions;
}

type Message = Record<string, string>;

/** A signals API whose test sends the messages. */
function fakeSignals() {
  const listeners = new Map<string, (message: Message) => void>();
  return {
    api: {
      subscribe(channel: string, onMessage: (message: Message) => void) {
        listeners.set(channel, onMessage);
        return { unsubscribe: () => listeners.delete(channel) };
      },
    },
    send: (channel: string, message: Message) =>
      act(() => listeners.get(channel)?.(message)),
  };
}

function renderPage(route = '/aws-access/requests', signals = fakeSignals()) {
  return renderWithAwsAccess(
    <Routes>
      <Route path="/aws-access/*" element={<AwsAccessPage />} />
    </Routes>,
    {
      apis: [
        [catalogApiRef, catalogApiMock({ entities: teams })],
        [identityApiRef, mockApis.identity({ userEntityRef: ME })],
        [signalApiRef, signals.api],
      ],
      routeEntries: [route],
    },
  );
}

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row =>
      within(row)
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    );

describe('the Requests view', () => {
  beforeEach(() => {
    serveJson(server, {
      '/status': freshStatus,
      '/me/accounts': myAccessWithRequests,
    });
  });

  it('lists what to approve, my requests and the others, each with its state, reasons as text', async () => {
    const expiresAt = new Date(Date.now() + 90 * 60_000).toISOString();
    serveGrants([
      adasRequest,
      { ...myActive, expiresAt },
      myDenied,
      bobsOverdue,
    ]);
    await renderPage();

    expect(screen.getByRole('tab', { name: 'Requests' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    const toApprove = await screen.findByRole('table', { name: 'To approve' });
    expect(rowsOf(toApprove)).toEqual([
      [
        'platform-dev (318204556071)',
        'ReadOnlyAccess',
        'ada',
        '1 hour',
        HOSTILE,
        'Pending',
        'ApproveDeny',
      ],
    ]);
    // The hostile reason is text, never markup.
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect(
      within(toApprove).getByRole('button', {
        name: 'Approve: ReadOnlyAccess in platform-dev for ada',
      }),
    ).toBeEnabled();

    expect(rowsOf(screen.getByRole('table', { name: 'My requests' }))).toEqual([
      [
        'platform-dev (318204556071)',
        'PowerUserAccess',
        'guest',
        '2 hours',
        'Debug the nightly export',
        'Active1 hour 30 minutes left',
        'Revoke',
      ],
      [
        'platform-dev (318204556071)',
        'AdminAccess',
        'guest',
        '1 hour',
        'Debug the nightly export',
        'DeniedDenied by adaReason: Ask for ReadOnlyAccess instead',
        '',
      ],
    ]);
    expect(
      rowsOf(
        screen.getByRole('table', { name: 'Other requests to your teams' }),
      ),
    ).toEqual([
      [
        'platform-dev (318204556071)',
        'ReadOnlyAccess',
        'bob',
        '1 hour',
        'Debug the nightly export',
        'Being removedError: ThrottlingException: Rate exceededOverdue removal: the role is still assigned and removal is retried.',
        'Revoke',
      ],
    ]);
  });

  it('approves, then reloads the list; reloads again on a signal', async () => {
    const signals = fakeSignals();
    const grants = serveGrants([adasRequest]);
    const decisions = recordDecisions(() => {
      grants.set([{ ...adasRequest, state: 'approved', actions: [] }]);
      return HttpResponse.json({ ...adasRequest, state: 'approved' });
    });
    await renderPage('/aws-access/requests', signals);
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Approve: ReadOnlyAccess in platform-dev for ada',
      }),
    );
    expect(
      await screen.findByText('Nothing waits for your approval.'),
    ).toBeInTheDocument();
    expect(decisions).toEqual([{ path: 'g-ada/approve', body: {} }]);
    expect(
      rowsOf(
        screen.getByRole('table', { name: 'Other requests to your teams' }),
      )[0],
    ).toContain('Approved');

    const reads = grants.reads();
    grants.set([{ ...adasRequest, state: 'active', actions: ['revoke'] }]);
    await signals.send(AWS_ACCESS_GRANTS_SIGNAL_CHANNEL, { grantId: 'g-ada' });
    expect(await screen.findByText('Active')).toBeInTheDocument();
    expect(grants.reads()).toBe(reads + 1);
  });

  it('denies only with a reason', async () => {
    serveGrants([adasRequest]);
    const decisions = recordDecisions();
    await renderPage();
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Deny: ReadOnlyAccess in platform-dev for ada',
      }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Deny the request' });
    expect(
      within(dialog).getByText(
        'ReadOnlyAccess in platform-dev for user:default/ada',
      ),
    ).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Deny' }));
    const reason = within(dialog).getByRole('textbox', {
      name: 'Reason for the denial',
    });
    expect(reason).toHaveAccessibleDescription('A reason is required.');
    expect(decisions).toEqual([]);

    await userEvent.type(reason, 'Use the read-only dashboard');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Deny' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(decisions).toEqual([
      { path: 'g-ada/deny', body: { reason: 'Use the read-only dashboard' } },
    ]);
  });

  it('shows why a decision was refused', async () => {
    serveGrants([adasRequest]);
    recordDecisions(() =>
      backstageError(
        409,
        { name: 'ConflictError', message: "Grant 'g-ada' is already approved" },
        { method: 'POST', url: '/access-grants/g-ada/approve' },
      ),
    );
    await renderPage();
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Approve: ReadOnlyAccess in platform-dev for ada',
      }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "The request did not change: Grant 'g-ada' is already approved",
    );
  });

  it('says when there are no requests', async () => {
    serveGrants([]);
    await renderPage();
    expect(await screen.findByText('No requests')).toBeInTheDocument();
  });

  it('has no Requests tab where no organisation offers temporary access', async () => {
    serveJson(server, { '/me/accounts': myAccess });
    await renderPage('/aws-access');
    await screen.findByRole('heading', { name: 'My AWS access' });
    expect(screen.queryByRole('tab')).toBeNull();
  });
});
