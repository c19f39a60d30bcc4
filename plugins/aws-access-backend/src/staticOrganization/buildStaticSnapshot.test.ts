import { ConfigReader } from '@backstage/config';
import { readAwsAccessConfig } from '../readAwsAccessConfig';
import { exampleAwsAccessConfig } from '../__testUtils__/exampleOrg';
import { buildStaticSnapshot } from './buildStaticSnapshot';

type Example = typeof exampleAwsAccessConfig;

/** Reads the example config, changed by `mutate`, and builds its snapshot as startup does. */
function build(mutate: (c: Example) => void = () => {}) {
  const awsAccess: Example = structuredClone(exampleAwsAccessConfig);
  mutate(awsAccess);
  return () => {
    const { source } = readAwsAccessConfig(new ConfigReader({ awsAccess }))
      .organizations[0];
    if (source.type !== 'static') {
      throw new Error('expected the static source');
    }
    return buildStaticSnapshot(source.organization);
  };
}

describe('buildStaticSnapshot', () => {
  it('declares the groups that assignments imply and expands every assignment', () => {
    const snapshot = build()();
    expect(snapshot.groups).toEqual([
      { id: 'g-platform', displayName: 'Platform Team', externalIds: [] },
      { id: 'data', displayName: 'data', externalIds: [] },
    ]);
    expect(snapshot.assignments).toHaveLength(5);
    expect(snapshot.assignments).toContainEqual({
      accountId: exampleAwsAccessConfig.static.accounts[0].id,
      permissionSetName: expect.any(String),
      principalType: 'GROUP',
      principalId: 'g-platform',
    });
  });

  it.each<[string, (c: Example) => void, string]>([
    [
      'a duplicate account id',
      c => (c.static.accounts[1].id = c.static.accounts[0].id),
      'awsAccess.static.accounts[1].id',
    ],
    [
      'an unknown account in an assignment',
      c => (c.static.assignments[1].accounts = ['nope']),
      'awsAccess.static.assignments[1].accounts[0]',
    ],
    [
      'an unknown permission set',
      c => (c.static.assignments[0].permissionSets = ['PowerUser', 'Admin']),
      'awsAccess.static.assignments[0].permissionSets[1]',
    ],
  ])('stops on %s, naming the key', (_, mutate, key) => {
    expect(build(mutate)).toThrow(`Invalid configuration at '${key}':`);
  });
});
