import { AccessCollector } from './AccessCollector';

describe('AccessCollector', () => {
  it('keeps one entry per account and role, each group once, all by name', () => {
    const collector = new AccessCollector();
    const prod = { organization: 'o', id: '222222222222', name: 'shop-prod' };
    const dev = { organization: 'o', id: '111111111111', name: 'shop-dev' };
    collector.add(prod, { name: 'ReadOnly' }, ['shop']);
    collector.add(dev, { name: 'Dev', sessionDuration: 'PT8H' }, ['shop']);
    collector.add(prod, { name: 'Admin' }, ['sre']);
    collector.add(prod, { name: 'ReadOnly' }, ['sre', 'shop']);
    expect(collector.toList()).toEqual([
      {
        ...dev,
        roles: [{ name: 'Dev', sessionDuration: 'PT8H', grantedVia: ['shop'] }],
      },
      {
        ...prod,
        roles: [
          { name: 'Admin', grantedVia: ['sre'] },
          { name: 'ReadOnly', grantedVia: ['shop', 'sre'] },
        ],
      },
    ]);
  });

  it('never changes what it is given', () => {
    const grantedVia = ['shop'];
    const collector = new AccessCollector();
    const account = { organization: 'o', id: '1', name: 'a' };
    collector.add(account, { name: 'R' }, grantedVia);
    collector.add(account, { name: 'R' }, ['sre']);
    expect(grantedVia).toEqual(['shop']);
  });

  it('keeps the same account id and name of two organisations apart, by organisation', () => {
    const collector = new AccessCollector();
    const sandbox = { organization: 'sandbox', id: '1', name: 'a' };
    const prod = { organization: 'prod', id: '1', name: 'a' };
    collector.add(sandbox, { name: 'R' }, ['g']);
    collector.add(prod, { name: 'R' }, ['g']);
    expect(collector.toList().map(a => a.organization)).toEqual([
      'prod',
      'sandbox',
    ]);
  });
});
