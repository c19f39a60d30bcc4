import { Entity } from '@backstage/catalog-model';
import { SnapshotGroup } from '../snapshot/types';
import { matchIdentityCenterGroups } from './groupMatching';

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

const one = [{ organization: 'default', groups }];

const matched = (entity: Entity, byName = true) =>
  matchIdentityCenterGroups(entity, one, { byName }).matches[0]?.group.id;

describe('matchIdentityCenterGroups', () => {
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
    const result = matchIdentityCenterGroups(
      team('platform', { 'aws-access/identity-center-group': ' ' }),
      one,
    );
    expect(result.matches).toEqual([]);
    expect(result.warnings).toEqual([
      "Annotation 'aws-access/identity-center-group' on 'group:default/platform' is empty",
    ]);
  });

  describe('in several organisations', () => {
    const prodGroups: SnapshotGroup[] = [
      { id: 'p-1', displayName: 'Platform', externalIds: ['entra-1'] },
      { id: 'p-2', displayName: 'prod:Odd', externalIds: [] },
    ];
    const sandboxGroups: SnapshotGroup[] = [
      { id: 's-1', displayName: 'Platform', externalIds: [] },
      { id: 's-2', displayName: 'Sandbox Admins', externalIds: ['entra-1'] },
    ];
    const both = [
      { organization: 'prod', groups: prodGroups },
      { organization: 'sandbox', groups: sandboxGroups },
    ];
    const matchesOf = (entity: Entity) =>
      matchIdentityCenterGroups(entity, both).matches.map(
        m => `${m.organization}:${m.group.id}`,
      );
    const annotated = (value: string) =>
      team('platform', { 'aws-access/identity-center-group': value });

    it('matches by name in every organisation, each its own group', () => {
      expect(matchesOf(team('platform'))).toEqual(['prod:p-1', 'sandbox:s-1']);
    });

    it('matches by Entra id in every organisation', () => {
      expect(
        matchesOf(team('x', { 'graph.microsoft.com/group-id': 'entra-1' })),
      ).toEqual(['prod:p-1', 'sandbox:s-2']);
    });

    it('limits a qualified annotation to its organisation', () => {
      expect(matchesOf(annotated('sandbox:s-2'))).toEqual(['sandbox:s-2']);
      expect(matchesOf(annotated('sandbox:Platform'))).toEqual(['sandbox:s-1']);
    });

    it('takes a list, and an unqualified entry in every organisation', () => {
      expect(matchesOf(annotated('prod:p-1, sandbox:Sandbox Admins'))).toEqual([
        'prod:p-1',
        'sandbox:s-2',
      ]);
      expect(matchesOf(annotated('Platform'))).toEqual([
        'prod:p-1',
        'sandbox:s-1',
      ]);
    });

    it('reads a known organisation id before a colon as the organisation', () => {
      expect(matchesOf(annotated('prod:Odd'))).toEqual([]);
      expect(matchesOf(annotated('prod:prod:Odd'))).toEqual(['prod:p-2']);
    });

    it('reads a prefix that is no organisation id as part of the name', () => {
      expect(
        matchIdentityCenterGroups(annotated('other:thing'), both).warnings,
      ).toEqual([
        "Annotation 'aws-access/identity-center-group' on 'group:default/platform' names 'other:thing', which is not an IAM Identity Center group id or display name",
      ]);
    });

    it('warns about a qualified entry its organisation does not have', () => {
      const result = matchIdentityCenterGroups(annotated('sandbox:p-1'), both);
      expect(result.matches).toEqual([]);
      expect(result.warnings).toEqual([
        "Annotation 'aws-access/identity-center-group' on 'group:default/platform' names 'p-1' in organisation 'sandbox', which is not an IAM Identity Center group id or display name there",
      ]);
    });

    it('reads a prefix as an organisation that has no data yet, without a warning', () => {
      const result = matchIdentityCenterGroups(annotated('audit:g-9'), both, {
        byName: true,
        organizationIds: ['prod', 'sandbox', 'audit'],
      });
      expect(result).toEqual({ matches: [], warnings: [] });
    });
  });
});
