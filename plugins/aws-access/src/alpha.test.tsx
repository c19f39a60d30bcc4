import { screen, waitFor } from '@testing-library/react';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { registerMswTestHooks } from '@backstage/test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import awsAccessPlugin from './alpha';
import {
  freshStatus,
  myAccess,
  platformAccess,
  teams,
} from './__testUtils__/fixtures';

// Whole-app renders with lazily loaded syntax highlighting are slow on a busy machine.
jest.setTimeout(30_000);

const server = setupServer();
registerMswTestHooks(server);

describe('new frontend system plugin', () => {
  it('serves the page at /aws-access with the real API client', async () => {
    server.use(
      http.get('*/api/aws-access/status', () => HttpResponse.json(freshStatus)),
      http.get('*/api/aws-access/me/accounts', () =>
        HttpResponse.json(myAccess),
      ),
      http.get(
        '*/api/aws-access/entities/group/default/platform/accounts',
        () => HttpResponse.json(platformAccess),
      ),
    );
    renderTestApp({
      features: [awsAccessPlugin],
      apis: [[catalogApiRef, catalogApiMock({ entities: teams })]],
      initialRouteEntries: ['/aws-access?team=group:default/platform'],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    expect(
      await screen.findByRole(
        'region',
        { name: 'Account platform-dev (318204556071)' },
        { timeout: 15_000 },
      ),
    ).toBeInTheDocument();
    await waitFor(
      () =>
        expect(
          screen.getByRole('region', { name: 'SSO session sikt' }),
        ).toHaveTextContent('[sso-session sikt]'),
      { timeout: 15_000 },
    );
  });
});
