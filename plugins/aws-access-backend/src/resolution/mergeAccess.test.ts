import { AwsAccountAccess } from '@aws-access/backstage-plugin-aws-access-common';
import { mergeAccess } from './mergeAccess';

describe('mergeAccess', () => {
  it('unites lists without changing them', () => {
    const shop: AwsAccountAccess[] = [
      {
        organization: 'default',
        id: '222222222222',
        name: 'prod',
        roles: [{ name: 'ReadOnly', grantedVia: ['shop'] }],
      },
    ];
    const search: AwsAccountAccess[] = [
      {
        organization: 'default',
        id: '222222222222',
        name: 'prod',
        roles: [
          { name: 'ReadOnly', grantedVia: ['search'] },
          { name: 'Dev', grantedVia: ['search'] },
        ],
      },
      {
        organization: 'default',
        id: '111111111111',
        name: 'dev',
        roles: [{ name: 'Dev', grantedVia: ['search'] }],
      },
    ];
    const before = structuredClone([shop, search]);
    expect(mergeAccess([shop, search])).toEqual([
      {
        organization: 'default',
        id: '111111111111',
        name: 'dev',
        roles: [{ name: 'Dev', grantedVia: ['search'] }],
      },
      {
        organization: 'default',
        id: '222222222222',
        name: 'prod',
        roles: [
          { name: 'Dev', grantedVia: ['search'] },
          { name: 'ReadOnly', grantedVia: ['shop', 'search'] },
        ],
      },
    ]);
    expect([shop, search]).toEqual(before);
  });
});
