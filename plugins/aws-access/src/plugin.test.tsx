import { AwsAccountSearchDocument } from '@aws-access/backstage-plugin-aws-access-common';
import { getComponentData } from '@backstage/core-plugin-api';
import { SearchResultListItemExtensions } from '@backstage/plugin-search-react';
import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import {
  AwsAccessPage,
  AwsAccountSearchResultListItem,
  EntityAwsAccessCard,
  EntityAwsAccessContent,
  awsAccessPlugin,
} from './plugin';
import { rootRouteRef } from './routes';

describe('legacy frontend system plugin', () => {
  it('has the aws-access id and provides its API', () => {
    expect(awsAccessPlugin.getId()).toBe('aws-access');
    expect(
      [...awsAccessPlugin.getApis()].map(factory => factory.api.id),
    ).toEqual(['plugin.aws-access.api']);
  });

  it('exports a routable page mounted on the plugin root route', () => {
    expect(getComponentData(<AwsAccessPage />, 'core.mountPoint')).toBe(
      rootRouteRef,
    );
  });

  it('exports entity content and card as plugin extensions', () => {
    for (const Extension of [EntityAwsAccessContent, EntityAwsAccessCard]) {
      expect(getComponentData(<Extension />, 'core.plugin')).toBe(
        awsAccessPlugin,
      );
    }
  });

  const paymentsProd: AwsAccountSearchDocument = {
    title: 'payments-prod',
    text: 'AWS account 605112784586',
    location: '/aws-access/accounts/605112784586?organization=default',
    organization: 'default',
    organizationTitle: 'sikt',
    accountId: '605112784586',
    environment: 'prod',
    teams: ['group:default/payments'],
    roles: ['ReadOnlyAccess'],
  };

  it('renders AWS account search hits with its result item and leaves other types alone', async () => {
    await renderInTestApp(
      <SearchResultListItemExtensions
        results={[
          { type: 'aws-account', document: paymentsProd },
          {
            type: 'software-catalog',
            document: { title: 'cart', text: 'A service', location: '/c' },
          },
        ]}
      >
        <AwsAccountSearchResultListItem />
      </SearchResultListItemExtensions>,
    );
    expect(await screen.findByText('Teams: payments')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'cart' })).toBeInTheDocument();
    expect(screen.getAllByText(/^Teams:/)).toHaveLength(1);
  });
});
