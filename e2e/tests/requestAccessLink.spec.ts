import { expect, test } from '@playwright/test';
import { BackendInstance } from '../support/backendInstance';
import { routeToBackend } from '../support/routeToBackend';
import { signInAsGuest } from './signIn';

/*
 * A second backend whose organisation has hostile names and a request-access URL template.
 * The page's AWS Access API calls are answered by it, so the link the browser shows is the
 * one a real backend and the real page make of those names.
 */
const ACCOUNT_ID = '123456789012';
const ACCOUNT_NAME = 'ops "prod" <eu> & co #1\nrøde ñame ✓';
const ROLE = 'Read+Only=1,@x';
const HOSTILE_GROUP = `Admins' ]]> & [x] ?team=evil#frag`;
const TEMPLATE =
  'https://team.example.com/requests/new?account={accountId}&name={accountName}&role={role}&group={group}&team={team}&user={user}';

const overlay = `awsAccess: ${JSON.stringify({
  requestAccess: { urlTemplate: TEMPLATE },
  static: {
    accounts: [{ id: ACCOUNT_ID, name: ACCOUNT_NAME, environment: 'prod' }],
    permissionSets: [{ name: ROLE }],
    assignments: [
      { group: 'payments', accounts: [ACCOUNT_ID], permissionSets: [ROLE] },
      {
        group: HOSTILE_GROUP,
        accounts: [ACCOUNT_ID],
        permissionSets: [ROLE],
      },
    ],
  },
})}\n`;

test.describe('request-access links with hostile names', () => {
  test.setTimeout(180_000);
  let backend: BackendInstance;

  test.beforeAll(async () => {
    backend = BackendInstance.start(7311, overlay);
    await backend.waitUntilHealthy();
  });
  test.afterAll(() => backend?.kill());

  test('keep every value inside its own parameter, exactly', async ({
    page,
  }) => {
    const token = await backend.guestToken();
    await routeToBackend(page, backend, { path: '/api/aws-access', token });
    await signInAsGuest(page);
    await page.goto(`/aws-access/accounts/${ACCOUNT_ID}`);
    await expect(
      page.getByText('You hold no role in this account.'),
    ).toBeVisible();

    const viaPayments = page.getByRole('link', {
      name: `Request access: ${ROLE} in ${ACCOUNT_NAME} through payments`,
    });
    const viaHostile = page.getByRole('link', {
      name: `Request access: ${ROLE} in ${ACCOUNT_NAME} through ${HOSTILE_GROUP}`,
    });
    const paramsOf = async (link: typeof viaPayments) => {
      const url = new URL((await link.getAttribute('href'))!);
      expect(url.origin + url.pathname).toBe(
        'https://team.example.com/requests/new',
      );
      expect(url.hash).toBe('');
      return [...url.searchParams.entries()];
    };
    expect(await paramsOf(viaPayments)).toEqual([
      ['account', ACCOUNT_ID],
      ['name', ACCOUNT_NAME],
      ['role', ROLE],
      ['group', 'payments'],
      ['team', 'group:default/payments'],
      ['user', 'user:default/guest'],
    ]);
    expect(await paramsOf(viaHostile)).toEqual([
      ['account', ACCOUNT_ID],
      ['name', ACCOUNT_NAME],
      ['role', ROLE],
      ['group', HOSTILE_GROUP],
      ['team', ''],
      ['user', 'user:default/guest'],
    ]);
    // The names are shown as text, not markup.
    await expect(page.getByText(`"${HOSTILE_GROUP}"`)).toBeVisible();
  });
});
