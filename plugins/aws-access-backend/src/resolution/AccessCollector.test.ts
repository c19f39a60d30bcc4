import { AccessCollector } from './AccessCollector';

describe('AccessCollector', () => {
  it('keeps one entry per account and role, each group once, all by name', () => {
    const collector = new AccessCollector();
    const prod = { id: '222222222222', name: 'shop-prod' };
    const dev = { id: '111111111111', name: 'shop-dev' };
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
    collector.add({ id: '1', name: 'a' }, { name: 'R' }, grantedVia);
    collector.add({ id: '1', name: 'a' }, { name: 'R' }, ['sre']);
    expect(grantedVia).toEqual(['shop']);
  });
});
