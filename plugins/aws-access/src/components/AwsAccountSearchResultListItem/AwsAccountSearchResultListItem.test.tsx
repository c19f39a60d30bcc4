import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { AwsAccountSearchResultListItem } from './AwsAccountSearchResultListItem';
import { isAwsAccountSearchResult } from './isAwsAccountSearchResult';

const account = {
  title: 'payments-prod',
  text: 'AWS account 605112784586 · organization sikt · environment prod · teams payments, security · roles ReadOnlyAccess',
  location: '/aws-access/accounts/605112784586?organization=default',
  organization: 'default',
  organizationTitle: 'sikt',
  accountId: '605112784586',
  environment: 'prod',
  roles: ['ReadOnlyAccess', 'PowerUserAccess'],
  teams: ['group:default/payments', 'group:default/security'],
};

describe('AwsAccountSearchResultListItem', () => {
  it('links the account name to its page and shows id, environment, teams and roles', async () => {
    await renderInTestApp(
      <AwsAccountSearchResultListItem
        result={account}
        highlight={{
          preTag: '<em>',
          postTag: '</em>',
          fields: { title: '<em>payments</em>-prod' },
        }}
      />,
    );
    const link = screen.getByRole('link', { name: 'payments-prod' });
    expect(link).toHaveAttribute(
      'href',
      '/aws-access/accounts/605112784586?organization=default',
    );
    expect(screen.getByText('payments')).toBeInTheDocument();
    expect(screen.getByText(/AWS account 605112784586/)).toBeInTheDocument();
    expect(screen.getByText('prod')).toBeInTheDocument();
    expect(screen.getByText('Teams: payments, security')).toBeInTheDocument();
    expect(
      screen.getByText('Roles: ReadOnlyAccess, PowerUserAccess'),
    ).toBeInTheDocument();
    // The only organisation of a single-organisation portal goes unnamed.
    expect(screen.queryByText('sikt')).not.toBeInTheDocument();
  });

  it('names the organisation of a portal that serves several', async () => {
    const inProduction = {
      ...account,
      location: '/aws-access/accounts/605112784586?organization=prod',
      organization: 'prod',
      organizationTitle: 'Production',
    };
    await renderInTestApp(
      <AwsAccountSearchResultListItem result={inProduction} />,
    );
    expect(screen.getByText('Production')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'payments-prod' })).toHaveAttribute(
      'href',
      '/aws-access/accounts/605112784586?organization=prod',
    );
  });

  it('shows a document missing its fields or with hostile names as plain text', async () => {
    // An index written by another version may lack fields or hold other types.
    const stale = {
      title: '<img src=x onerror=alert(1)> "ops"',
      text: '',
      location: '/aws-access/accounts/111111111111',
      teams: 'not a list',
    };
    await renderInTestApp(<AwsAccountSearchResultListItem result={stale} />);
    expect(
      screen.getByRole('link', { name: '<img src=x onerror=alert(1)> "ops"' }),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Teams:/)).not.toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('picks only AWS account results', () => {
    expect(isAwsAccountSearchResult({ type: 'aws-account' })).toBe(true);
    expect(isAwsAccountSearchResult({ type: 'software-catalog' })).toBe(false);
  });
});
