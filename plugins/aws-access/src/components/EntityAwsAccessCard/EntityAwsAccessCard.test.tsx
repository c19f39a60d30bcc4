import { screen, waitFor } from '@testing-library/react';
import {
  MockFetchApi,
  TestApiProvider,
  mockApis,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { Entity } from '@backstage/catalog-model';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ReactNode } from 'react';
import { awsAccessApiRef, AwsAccessClient } from '../../api';
import { freshStatus, myAccess, platformAccess } from '../../testing/fixtures';
import {
  EntityAwsAccessCard,
  EntityAwsAccessContent,
} from './EntityAwsAccessCard';

// Whole-app renders with lazily loaded syntax highlighting are slow on a busy machine.
jest.setTimeout(30_000);

const server = setupServer();
registerMswTestHooks(server);

const billing: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'billing', namespace: 'default' },
  spec: { type: 'service', owner: 'platform' },
};

function renderWithEntity(children: ReactNode) {
  const client = new AwsAccessClient({
    discoveryApi: mockApis.discovery(),
    fetchApi: new MockFetchApi(),
  });
  return renderInTestApp(
    <TestApiProvider apis={[[awsAccessApiRef, client]]}>
      <EntityProvider entity={billing}>{children}</EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('entity views', () => {
  beforeEach(() => {
    server.use(
      http.get('http://example.com/api/aws-access/status', () =>
        HttpResponse.json(freshStatus),
      ),
      http.get('*/api/aws-access/me/accounts', () =>
        HttpResponse.json(myAccess),
      ),
      http.get(
        'http://example.com/api/aws-access/entities/Component/default/billing/accounts',
        () =>
          HttpResponse.json({
            ...platformAccess,
            entityRef: 'component:default/billing',
          }),
      ),
    );
  });

  it("the tab shows the entity's profiles", async () => {
    await renderWithEntity(<EntityAwsAccessContent />);
    const dev = await screen.findByRole('region', {
      name: 'Account platform-dev (318204556071)',
    });
    await waitFor(() =>
      expect(dev).toHaveTextContent('sso_role_name = PowerUserAccess'),
    );
  });

  it('the card lists accounts and role names', async () => {
    await renderWithEntity(<EntityAwsAccessCard />);
    expect(
      await screen.findByText('platform-dev (318204556071)'),
    ).toBeInTheDocument();
    expect(screen.getByText('PowerUserAccess')).toBeInTheDocument();
  });
});
