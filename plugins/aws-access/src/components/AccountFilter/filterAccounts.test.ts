import { AwsAccountAccess } from '@aws-access/backstage-plugin-aws-access-common';
import { NO_FILTER, filterAccounts } from './filterAccounts';

const account = (
  id: string,
  name: string,
  environment: string | undefined,
  roles: string[],
  organization = 'prod',
): AwsAccountAccess => ({
  organization,
  id,
  name,
  ...(environment && { environment }),
  roles: roles.map(r => ({ name: r, grantedVia: [] })),
});

const accounts = [
  account('111111111111', 'shop-dev', 'dev', ['Dev', 'ReadOnly']),
  account('222222222222', 'shop-prod', 'prod', ['ReadOnly']),
  account('333333333333', 'search-dev', 'dev', ['Dev']),
  account('444444444444', 'shop-dev', 'dev', ['Dev'], 'sandbox'),
];

describe('filterAccounts', () => {
  it('keeps everything without a filter', () => {
    expect(filterAccounts(accounts, NO_FILTER)).toEqual(accounts);
  });

  it('searches names and ids', () => {
    expect(
      filterAccounts(accounts, { ...NO_FILTER, text: 'SHOP' }).map(a => a.id),
    ).toEqual(['111111111111', '222222222222', '444444444444']);
    expect(
      filterAccounts(accounts, { ...NO_FILTER, text: '3333' }).map(a => a.name),
    ).toEqual(['search-dev']);
  });

  it('keeps only the chosen role, dropping accounts without it', () => {
    const result = filterAccounts(accounts, { ...NO_FILTER, role: 'Dev' });
    expect(result.map(a => [a.name, a.roles.map(r => r.name)])).toEqual([
      ['shop-dev', ['Dev']],
      ['search-dev', ['Dev']],
      ['shop-dev', ['Dev']],
    ]);
  });

  it('narrows by environment', () => {
    expect(
      filterAccounts(accounts, { ...NO_FILTER, environment: 'prod' }).map(
        a => a.name,
      ),
    ).toEqual(['shop-prod']);
  });

  it('narrows by organisation, telling apart accounts of the same name', () => {
    const shops = { ...NO_FILTER, text: 'shop-dev' };
    expect(
      filterAccounts(accounts, { ...shops, organization: 'sandbox' }).map(
        a => a.id,
      ),
    ).toEqual(['444444444444']);
    expect(
      filterAccounts(accounts, { ...shops, organization: 'prod' }).map(
        a => a.id,
      ),
    ).toEqual(['111111111111']);
  });
});
