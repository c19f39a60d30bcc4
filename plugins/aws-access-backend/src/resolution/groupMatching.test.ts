import { Entity } from '@backstage/catalog-model';
import { SnapshotGroup } from '../snapshot/types';
import { matchIdentityCenterGroup } from './groupMatching';

const groups: SnapshotGroup[] = [
  { id: 'g-1', displayName: 'Platform', externalIds: ['entra-1'] },
  { id: 'g-2', displayName: 'Data Team', externalIds: [] },
  { id: 'g-3', displayName: 'Café', externalIds: [] },
];

const team = (
  name: string,
  annotations: Record<string, string> = {},
  displayName?: string,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'team', children: [], profile: { displayName } },
});

const matched = (entity: Entity, byName = true) =>
  matchIdentityCenterGroup(entity, groups, { byName }).group?.id;

describe('matchIdentityCenterGroup', () => {
  it('takes the annotation first, by group id or display name', () => {
    expect(
      matched(team('x', { 'aws-access/identity-center-group': 'g-2' })),
    ).toBe('g-2');
    expect(
      matched(
        team('platform', { 'aws-access/identity-center-group': 'Data Team' }),
      ),
    ).toBe('g-2');
  });

  it('then the Entra ID object id against external ids', () => {
    expect(
      matched(team('x', { 'graph.microsoft.com/group-id': 'entra-1' })),
    ).toBe('g-1');
  });

  it('then the name or profile display name, ignoring case but not accents', () => {
    expect(matched(team('platform'))).toBe('g-1');
    expect(matched(team('data', {}, 'data team'))).toBe('g-2');
    expect(matched(team('cafe'))).toBeUndefined();
    expect(matched(team('platform'), false)).toBeUndefined();
  });

  it('warns about an empty annotation and matches nothing', () => {
    const result = matchIdentityCenterGroup(
      team('platform', { 'aws-access/identity-center-group': ' ' }),
      groups,
    );
    expect(result.group).toBeUndefined();
    expect(result.warnings).toEqual([
      "Annotation 'aws-access/identity-center-group' on 'group:default/platform' is empty",
    ]);
  });
});
