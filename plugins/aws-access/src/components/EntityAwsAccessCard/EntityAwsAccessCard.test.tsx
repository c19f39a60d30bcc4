import { screen, waitFor } from '@testing-library/react';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { Entity } from '@backstage/catalog-model';
import { ReactNode } from 'react';
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
import {
  EntityAwsAccessCard,
  EntityAwsAccessContent,
} from './EntityAwsAccessCard';

// Whole-app renders with lazily loaded syntax highlighting are slow on a busy machine.
jest.setTimeout(30_000);

const server = setupAwsAccessServer();

const billing: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'billing', namespace: 'default' },
  spec: { type: 'service', owner: 'platform' },
};

function renderWithEntity(children: ReactNode) {
  return renderWithAwsAccess(
    <EntityProvider entity={billing}>{children}</EntityProvider>,
  );
}

describe('entity views', () => {
  beforeEach(() => {
    serveJson(server, {
      '/status': freshStatus,
      '/me/accounts': myAccess,
      '/entities/Component/default/billing/accounts': {
        ...platformAccess,
        entityRef: 'component:default/billing',
      },
    });
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
