import { generateOrg } from '@aws-access/fake-identity-center';

/** A small generated organisation for the tests against the fake Identity Center. */
export const fakeOrg = generateOrg({
  accounts: 12,
  permissionSets: 4,
  groups: 6,
  assignments: 30,
});

/** The catalog team behind the organisation's second group (`group-1`). */
export const fakeOrgTeam = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'group-1', namespace: 'default' },
  spec: { type: 'team', children: [] },
};
