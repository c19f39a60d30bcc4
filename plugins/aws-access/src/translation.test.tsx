/* eslint jest/expect-expect: ["warn", { "assertFunctionNames": ["expect", "expectBokmal"] }] */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  mockApis,
  renderInTestApp,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import {
  MockFetchApi,
  mockApis as legacyMockApis,
  registerMswTestHooks,
} from '@backstage/test-utils';
import {
  EntityProvider,
  catalogApiRef,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { Entity } from '@backstage/catalog-model';
import {
  AccessGrant,
  AccountGrantsResponse,
  AccountLookupResponse,
  ANNOTATION_ROADIE_ACCOUNT_ID,
  AccountSearchResponse,
  AwsAccessStatus,
  AwsAccountSearchDocument,
  DIRECT_ASSIGNMENT,
  EntityAccessResponse,
  wizardAnswers,
} from '@aws-access/backstage-plugin-aws-access-common';
import { http, HttpResponse, JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import awsAccessPlugin from './alpha';
import { AwsAccessClient, awsAccessApiRef } from './api';
import {
  EntityAwsAccessCard,
  EntityAwsAccessContent,
} from './components/EntityAwsAccessCard';
import { AwsAccountSearchResultListItem } from './components/AwsAccountSearchResultListItem';
import { CLI_MESSAGES } from './components/Troubleshooting/Troubleshooting';
import { awsAccessMessages } from './translation';
import nb from './translations/nb';
import {
  defaultOrganization,
  freshStatus,
  myAccess,
  platformAccess,
  teams,
  twoOrganizationsAccess,
  twoOrganizationsStatus,
} from './__testUtils__/fixtures';

// Whole-app renders with lazily loaded syntax highlighting are slow on a busy machine.
jest.setTimeout(60_000);

const server = setupServer();
registerMswTestHooks(server);

/** `{ page: { title } }` as `{ 'page.title' }`, the keys translations use. */
function flatten(messages: object, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(messages).flatMap(([key, value]) =>
      typeof value === 'string'
        ? [[prefix + key, value]]
        : Object.entries(flatten(value, `${prefix}${key}.`)),
    ),
  );
}

const english = flatten(awsAccessMessages);
const bokmal: Record<string, string> = nb;

describe('Norwegian Bokmål', () => {
  it('has every English key, and no other', () => {
    expect(Object.keys(bokmal).sort()).toEqual(Object.keys(english).sort());
    for (const [key, value] of Object.entries(bokmal)) {
      expect({ key, empty: value.trim() === '' }).toEqual({
        key,
        empty: false,
      });
    }
  });

  it('keeps the placeholders of each English message', () => {
    const placeholders = (message: string) =>
      (message.match(/\{\{[^}]*\}\}/g) ?? []).sort();
    for (const [key, value] of Object.entries(english)) {
      expect({ key, placeholders: placeholders(bokmal[key]) }).toEqual({
        key,
        placeholders: placeholders(value),
      });
    }
  });
});

// ---------------------------------------------------------------------------------------
// Every view rendered with the app's language set to nb, then searched for English.

/**
 * English that stays English in any language: what the AWS CLI prints or asks (quoted
 * so readers can match it), and what the backend says in its answers in these tests.
 */
const BACKEND_REASON = "Denied by policy 'aws-access.read'";
const ALWAYS_ENGLISH = [
  ...Object.values(CLI_MESSAGES),
  ...wizardAnswers(
    {
      organization: 'default',
      accountId: '1',
      accountName: 'a',
      roleName: 'r',
      profileName: 'p',
      region: 'eu-north-1',
    },
    defaultOrganization.sso,
    { output: 'json' },
  ).map(answer => answer.prompt),
  BACKEND_REASON,
];

/**
 * Texts hard-coded in English inside `@backstage/core-components` (Link, CopyTextButton,
 * EmptyState's images, WarningPanel's severity, ResponseErrorPanel's field labels),
 * outside any translation ref: no plugin or app can translate them today.
 */
const BACKSTAGE_HARD_CODED = [
  'Opens in a new window',
  'Copy text',
  'annotation is missing',
  'no Information',
  'no Build',
  'Warning: ',
  'Error: ',
  'Message ',
  'Request GET',
  'Full Error as JSON',
];

/**
 * Words that give English away in running text. Norwegian words that are spelled the
 * same ("for", "to", "be", "team") are left out.
 */
const ENGLISH_WORDS =
  /\b(the|and|you|your|with|this|that|not|of|is|are|could|has|have|from|on|in|no|was|here|or|may|can|cannot|when|which|by|to add|yet)\b/i;

const CODE = 'pre, code';
const LABELS = ['aria-label', 'placeholder', 'title', 'alt'];

/**
 * What a reader sees or hears on the page: text and accessible labels, without code
 * blocks and inline code (config, commands and flags stay English on purpose).
 */
function readerText(): string {
  const texts: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement?.closest(CODE)) {
      texts.push(node.textContent ?? '');
    }
  }
  for (const element of document.body.querySelectorAll('*')) {
    if (element.closest(CODE)) continue;
    for (const name of LABELS) {
      const value = element.getAttribute(name);
      if (value) texts.push(value);
    }
  }
  let text = texts.join(' ').replace(/\s+/g, ' ');
  for (const allowed of [...ALWAYS_ENGLISH, ...BACKSTAGE_HARD_CODED]) {
    text = text.split(allowed).join(' ');
  }
  // Command-line flags named in running text (--no-browser) are code too.
  return text.replace(/--[a-z][a-z-]*/g, ' ');
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * English left on the page: any piece of an English message (the text between its
 * placeholders) that the Bokmål message does not share, found as whole words; and any
 * common English word outside code, which also catches a text that never went through
 * the translation ref. Pieces with fewer than four letters ("or") are not searched.
 */
function englishLeft(): string[] {
  const text = readerText();
  const found = new Set<string>();
  for (const [key, en] of Object.entries(english)) {
    if (bokmal[key] === en) continue;
    for (const piece of en.split(/\{\{[^}]*\}\}/)) {
      const fragment = piece.trim();
      if ((fragment.match(/[A-Za-z]/g) ?? []).length < 4) continue;
      if (bokmal[key].includes(fragment)) continue;
      const whole = new RegExp(
        `(^|[^A-Za-z])${escapeRegExp(fragment)}($|[^A-Za-z])`,
      );
      if (whole.test(text)) found.add(`${key}: "${fragment}"`);
    }
  }
  const words = new RegExp(ENGLISH_WORDS.source, 'gi');
  for (const match of text.matchAll(words)) {
    const at = match.index ?? 0;
    found.add(`"${text.slice(Math.max(0, at - 30), at + 30)}"`);
  }
  return [...found];
}

/** Waits for a Bokmål text, then fails on any English left on the page. */
async function expectBokmal(...texts: Array<string | RegExp>) {
  for (const text of texts) {
    expect(
      (await screen.findAllByText(text, {}, { timeout: 20_000 }))[0],
    ).toBeInTheDocument();
  }
  expect(englishLeft()).toEqual([]);
}

const nbLanguage = mockApis.appLanguage({
  defaultLanguage: 'nb',
  availableLanguages: ['en', 'nb'],
});

/** Answers GET `/api/aws-access` + path with JSON, or with the response given. */
function serve(routes: Record<string, JsonBodyType | (() => Response)>) {
  server.use(
    ...Object.entries(routes).map(([path, body]) =>
      http.get(`*/api/aws-access${path}`, () =>
        typeof body === 'function' ? body() : HttpResponse.json(body),
      ),
    ),
  );
}

function errorResponse(status: number, name: string, message: string) {
  return () =>
    HttpResponse.json(
      {
        error: { name, message },
        request: { method: 'GET', url: '/' },
        response: { statusCode: status },
      },
      { status },
    );
}

const requestAccess = {
  urlTemplate: 'https://access.example.com/new?account={accountId}&role={role}',
  notifyTeam: true,
};

/** BreakGlass may be requested for a while, with a reason. */
const breakGlassPolicy = {
  rules: [
    { permissionSet: 'BreakGlass', maxDurationMinutes: 90, selfService: false },
  ],
  requireReason: true,
  approvers: 'team',
};

/** A large team: an account with a direct assignment, then twenty sandboxes. */
const largeTeam: EntityAccessResponse = {
  ...platformAccess,
  settings: {
    organizations: [
      { ...defaultOrganization, temporaryAccess: breakGlassPolicy },
    ],
    requestAccess,
  },
  accounts: [
    {
      ...platformAccess.accounts[0],
      roles: [
        {
          ...platformAccess.accounts[0].roles[0],
          description: 'Bygge og drifte',
        },
        {
          name: 'BreakGlass',
          sessionDuration: 'PT1H30M',
          grantedVia: [DIRECT_ASSIGNMENT],
        },
      ],
    },
    platformAccess.accounts[1],
    ...Array.from({ length: 20 }, (_, i) => ({
      organization: 'default',
      id: String(318204557000 + i),
      name: `sandbox-${i + 1}`,
      environment: 'sandbox',
      roles: [{ name: 'ReadOnlyAccess', grantedVia: ['aws-platform-team'] }],
    })),
  ],
};

const staleStatus: AwsAccessStatus = {
  stale: true,
  organizations: [{ ...freshStatus.organizations[0], stale: true }],
};

/** Role descriptions come from Identity Center, written in the organisation's language. */
const inBokmal = (access: EntityAccessResponse): EntityAccessResponse => ({
  ...access,
  accounts: access.accounts.map(account => ({
    ...account,
    roles: account.roles.map(role =>
      role.description ? { ...role, description: 'Bygge og drifte' } : role,
    ),
  })),
});
const myAccessNb = inBokmal(myAccess);
const platformAccessNb = inBokmal(platformAccess);

function renderPage(route: string) {
  return renderTestApp({
    features: [awsAccessPlugin],
    apis: [
      nbLanguage,
      [catalogApiRef, catalogApiMock({ entities: teams })],
      mockApis.identity({
        userEntityRef: 'user:default/guest',
        ownershipEntityRefs: ['user:default/guest', 'group:default/platform'],
      }),
    ],
    initialRouteEntries: [route],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

describe('every view in Norwegian Bokmål', () => {
  beforeEach(() => {
    Object.assign(URL, {
      createObjectURL: () => 'blob:test',
      revokeObjectURL: () => {},
    });
    jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
  });
  afterEach(() => jest.restoreAllMocks());

  it('My access, with stale data, the checklist and troubleshooting', async () => {
    serve({ '/status': staleStatus, '/me/accounts': myAccessNb });
    renderPage('/aws-access');
    await expectBokmal(
      'Mine AWS-tilganger',
      /AWS-tilgangsdataene kan være utdaterte/,
      /Den siste synkroniseringen mislyktes\. Dataene er fra/,
      'Sjekkliste for å komme i gang',
      'Feilsøking',
      'Kopier alle',
      'Last ned konfigurasjon',
    );
  });

  it('a large team: gaps, ask and request controls, CLI steps, filters, more', async () => {
    serve({
      '/status': freshStatus,
      '/me/accounts': myAccessNb,
      '/entities/group/default/platform/accounts': largeTeam,
      '/access-grants': { grants: [] },
    });
    renderPage('/aws-access?team=group:default/platform');
    await expectBokmal(
      'AWS-kontoene til Platform',
      /Vis 2 til av 2 gjenværende kontoer/,
      /Du har ikke denne rollen\. Be/,
      /tildelt personer direkte/,
      'Du har denne rollen',
      /Økten varer 8 timer/,
    );
    expect(
      screen.getAllByRole('button', { name: /^Spør .* om ReadOnlyAccess i / })
        .length,
    ).toBeGreaterThan(0);
    await userEvent.click(
      screen.getByRole('button', {
        name: 'CLI-steg for platform-dev-PowerUserAccess',
      }),
    );
    await expectBokmal('Logg inn én gang per økt');

    await userEvent.click(
      screen.getByRole('button', {
        name: 'Be om midlertidig tilgang: BreakGlass i platform-dev',
      }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Send forespørsel' }),
    );
    await expectBokmal(
      'Du må oppgi en begrunnelse.',
      'Høyst 1 time 30 minutter',
      /godkjenner forespørselen/,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Avbryt' }));

    await userEvent.click(screen.getByLabelText('Rolle'));
    await expectBokmal('Alle roller');
    await userEvent.keyboard('{Escape}');
    await userEvent.type(screen.getByLabelText('Filtrer kontoer'), 'zzz');
    await expectBokmal('Ingen konto passer til filteret.');
  });

  it('the Requests view, its states and the deny dialog', async () => {
    const grant: AccessGrant = {
      id: 'g-1',
      organization: 'default',
      accountId: '318204556071',
      accountName: 'platform-dev',
      role: 'ReadOnlyAccess',
      requester: 'user:default/ada',
      reason: 'Feilsøke eksporten',
      durationMinutes: 60,
      state: 'pending',
      approvers: ['group:default/platform'],
      createdAt: '2026-12-01T08:00:00.000Z',
      overdue: false,
      actions: ['approve', 'deny'],
    };
    serve({
      '/status': freshStatus,
      '/me/accounts': {
        ...myAccessNb,
        settings: {
          organizations: [
            { ...defaultOrganization, temporaryAccess: breakGlassPolicy },
          ],
        },
      },
      '/access-grants': {
        grants: [
          grant,
          {
            ...grant,
            id: 'g-2',
            requester: 'user:default/guest',
            state: 'active',
            expiresAt: new Date(Date.now() + 30 * 60_000).toISOString(),
            actions: ['revoke'],
          },
          {
            ...grant,
            id: 'g-3',
            requester: 'user:default/bob',
            state: 'expiring',
            overdue: true,
            lastError: 'ThrottlingException',
            decisionReason: 'Ferdig',
            actions: [],
          },
        ],
      },
    });
    renderPage('/aws-access/requests');
    await expectBokmal(
      'Forespørsler',
      'Til godkjenning',
      'Mine forespørsler',
      '30 minutter igjen',
      /Fjerningen er forsinket/,
      'Begrunnelse: Ferdig',
    );
    await userEvent.click(
      screen.getByRole('button', {
        name: 'Avslå: ReadOnlyAccess i platform-dev for ada',
      }),
    );
    await userEvent.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Avslå' }),
    );
    await expectBokmal('Avslå forespørselen', 'Du må oppgi en begrunnelse.');
  });

  it('the setup dialog', async () => {
    serve({
      '/status': freshStatus,
      '/me/accounts': myAccessNb,
      '/me/setup-script': () => new HttpResponse('#!/bin/sh\n'),
    });
    renderPage('/aws-access');
    await userEvent.click(
      await screen.findByRole(
        'button',
        { name: 'Sett opp denne maskinen' },
        { timeout: 20_000 },
      ),
    );
    await expectBokmal(/Kjør det nedlastede skriptet/, 'Lukk');
  });

  it('a reader without roles, and a team without accounts', async () => {
    serve({
      '/status': freshStatus,
      '/me/accounts': { ...myAccess, accounts: [] },
      '/entities/group/default/data/accounts': {
        ...platformAccess,
        entityRef: 'group:default/data',
        accounts: [],
        warnings: ['ikke en gyldig gruppe'],
      },
    });
    const { unmount } = renderPage('/aws-access');
    await expectBokmal('Velg et team', 'Mine tilganger', 'Søk etter team');
    unmount();

    renderPage('/aws-access?team=group:default/data');
    await expectBokmal(
      "Fant ingen AWS-kontoer for 'group:default/data'",
      /Sjekk annotasjonene til denne entiteten/,
    );
  });

  it('My access without accounts', async () => {
    serve({
      '/status': freshStatus,
      '/me/accounts': { ...myAccess, accounts: [] },
    });
    renderPage('/aws-access?team=me');
    await expectBokmal(/Du får AWS-tilgang gjennom teamene dine/);
  });

  it('refused (403) and failed (500) loads', async () => {
    serve({
      '/status': freshStatus,
      '/me/accounts': errorResponse(403, 'NotAllowedError', BACKEND_REASON),
      '/entities/group/default/platform/accounts': errorResponse(
        500,
        'Error',
        'boom',
      ),
    });
    const { unmount } = renderPage('/aws-access?team=me');
    await expectBokmal('Du har ikke lov til å se AWS-tilganger her');
    unmount();
    renderPage('/aws-access?team=group:default/platform');
    await expectBokmal(/Kunne ikke hente AWS-tilgangene/);
  });

  it('a team in two organisations: chips, filter, sessions, checklist, stale data, which organisation', async () => {
    const [production, sandbox] = twoOrganizationsStatus.organizations;
    serve({
      '/status': {
        stale: true,
        organizations: [
          production,
          { ...sandbox, stale: true, staleReason: 'ThrottlingException' },
        ],
      },
      '/me/accounts': myAccessNb,
      '/entities/group/default/platform/accounts': twoOrganizationsAccess,
      '/accounts/111122223333': errorResponse(
        400,
        'InputError',
        "AWS account '111122223333' is in several organizations (prod, sandbox): name one with the 'organization' parameter",
      ),
      '/accounts': {
        query: '111122223333',
        offset: 0,
        limit: 20,
        totalCount: 2,
        items: ['prod', 'sandbox'].map(organization => ({
          organization,
          id: '111122223333',
          name: 'delt',
          roles: [],
          matchedBy: 'id',
        })),
      },
    });
    const { unmount } = renderPage('/aws-access?team=group:default/platform');
    await expectBokmal(
      /^Sandbox: ThrottlingException Dataene er fra/,
      /For Sandbox: legg dette inn/,
      'SSO-økten «sikt-sandbox» til Sandbox er satt opp',
      'Logget inn i økten «sikt-sandbox»',
      'MFA er slått på i Production',
      /Hver organisasjon har sin egen økt/,
      /beholder sin egen standard/,
      /vet ingenting om øktene dine sikt, sikt-sandbox/,
    );
    await userEvent.click(screen.getByLabelText('Organisasjon'));
    await expectBokmal('Alle organisasjoner');
    await userEvent.keyboard('{Escape}');
    unmount();

    renderPage('/aws-access/accounts/111122223333');
    await expectBokmal(
      'Konto 111122223333 finnes i flere organisasjoner: velg én',
      'Sandbox',
    );
  });

  it('the account lookup: hits, the account page, not found', async () => {
    const hits: AccountSearchResponse = {
      query: 'ReadOnly',
      offset: 0,
      limit: 10,
      totalCount: 12,
      items: [
        {
          organization: 'default',
          id: '318204556245',
          name: 'platform "prod" [eu]',
          environment: 'prod',
          roles: ['ReadOnlyAccess'],
          matchedBy: 'permissionSet',
        },
      ],
    };
    const lookup: AccountLookupResponse = {
      account: {
        organization: 'default',
        id: '318204556245',
        name: 'platform "prod" [eu]',
        environment: 'prod',
        roles: [
          { name: 'AdminAccess', grantedVia: ['aws-platform-admins'] },
          { name: 'ReadOnlyAccess', grantedVia: ['aws-platform-team'] },
          { name: 'BreakGlass', grantedVia: [DIRECT_ASSIGNMENT] },
        ],
      },
      teams: { default: { 'aws-platform-team': 'group:default/platform' } },
      myRoles: ['ReadOnlyAccess'],
      settings: { ...platformAccess.settings, requestAccess },
    };
    serve({
      '/status': freshStatus,
      '/me/accounts': myAccessNb,
      '/accounts': hits,
      '/accounts/318204556245': lookup,
      '/accounts/999999999999': errorResponse(
        404,
        'NotFoundError',
        'not found',
      ),
    });
    const { unmount } = renderPage('/aws-access/accounts/318204556245');
    await expectBokmal(
      'Hvem som har roller her',
      'Tildelt personer direkte',
      'Du har 1 av de 3 rollene i denne kontoen.',
      /eierne om å legge deg til i «aws-platform-admins»/,
    );
    await userEvent.type(
      screen.getByLabelText('Finn en AWS-konto'),
      'ReadOnly',
    );
    await expectBokmal(
      /roller: ReadOnlyAccess/,
      '11 til; skriv mer av navnet eller ID-en',
    );
    unmount();

    renderPage('/aws-access/accounts/999999999999');
    await expectBokmal('Ingen konto "999999999999" i IAM Identity Center');
  });
});

const billing: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'billing', namespace: 'default' },
  spec: { type: 'service', owner: 'platform' },
};

const prodResource: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'platform-prod',
    namespace: 'default',
    annotations: { [ANNOTATION_ROADIE_ACCOUNT_ID]: '318204556245' },
  },
  spec: { type: 'aws-account', owner: 'platform' },
};

function renderEntityView(entity: Entity, element: JSX.Element) {
  const client = new AwsAccessClient({
    discoveryApi: legacyMockApis.discovery(),
    fetchApi: new MockFetchApi(),
  });
  return renderInTestApp(
    <EntityProvider entity={entity}>{element}</EntityProvider>,
    {
      apis: [
        nbLanguage,
        [awsAccessApiRef, client],
        [catalogApiRef, catalogApiMock({ entities: teams })],
        mockApis.identity({ userEntityRef: 'user:default/guest' }),
      ],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

describe('entity views and search in Norwegian Bokmål', () => {
  const billingAccess = {
    ...platformAccessNb,
    entityRef: 'component:default/billing',
  };

  it('the entity tab and card', async () => {
    serve({
      '/status': freshStatus,
      '/me/accounts': myAccessNb,
      '/entities/Component/default/billing/accounts': billingAccess,
    });
    const { unmount } = renderEntityView(billing, <EntityAwsAccessContent />);
    await expectBokmal('Konto 318204556071', 'Standardregion');
    unmount();
    renderEntityView(billing, <EntityAwsAccessCard />);
    await expectBokmal('AWS-kontoer');
  });

  it('the card and tab without accounts, and the card on an error', async () => {
    serve({
      '/status': freshStatus,
      '/me/accounts': myAccessNb,
      '/entities/Component/default/billing/accounts': {
        ...billingAccess,
        accounts: [],
      },
    });
    const first = renderEntityView(billing, <EntityAwsAccessCard />);
    await expectBokmal('Fant ingen AWS-kontoer for denne entiteten.');
    first.unmount();
    const second = renderEntityView(billing, <EntityAwsAccessContent />);
    await expectBokmal(/Tilgangen kommer fra gruppen i IAM Identity Center/);
    second.unmount();

    serve({
      '/entities/Component/default/billing/accounts': errorResponse(
        500,
        'Error',
        'boom',
      ),
    });
    renderEntityView(billing, <EntityAwsAccessCard />);
    await expectBokmal(/Kunne ikke hente AWS-tilgangene/);
  });

  it("an account resource's tab: who has access, and nobody", async () => {
    const grants: AccountGrantsResponse = {
      entityRef: 'resource:default/platform-prod',
      account: {
        organization: 'default',
        id: '318204556245',
        name: 'platform-prod',
      },
      grants: [
        {
          groupId: 'g-1',
          group: 'aws-platform-team',
          roles: [{ name: 'ReadOnlyAccess', sessionDuration: 'PT1H' }],
        },
      ],
      settings: platformAccess.settings,
    };
    const path = '/entities/Resource/default/platform-prod/grants';
    serve({ '/status': freshStatus, [path]: grants });
    const { unmount } = renderEntityView(
      prodResource,
      <EntityAwsAccessContent />,
    );
    await expectBokmal('Hvem som har tilgang til platform-prod', '1 time');
    unmount();

    serve({ [path]: { ...grants, grants: [] } });
    renderEntityView(prodResource, <EntityAwsAccessContent />);
    await expectBokmal('Ingen gruppe har en rolle i konto 318204556245');
  });

  it('the search result item', async () => {
    const account: AwsAccountSearchDocument = {
      title: 'payments-prod',
      text: '605112784586 prod',
      location: '/aws-access/accounts/605112784586?organization=prod',
      organization: 'prod',
      organizationTitle: 'Produksjon',
      accountId: '605112784586',
      environment: 'prod',
      roles: ['ReadOnlyAccess'],
      teams: ['group:default/payments'],
    };
    renderInTestApp(<AwsAccountSearchResultListItem result={account} />, {
      apis: [nbLanguage],
    });
    await expectBokmal(
      /AWS-konto 605112784586/,
      'Produksjon',
      'Team: payments',
    );
  });
});
