import { Entity } from '@backstage/catalog-model';

/** A small organisation used by the backend tests; not part of the public surface. */
export const exampleAwsAccessConfig = {
  sso: {
    sessionName: 'sikt',
    startUrl: 'https://d-c3670fd13e.awsapps.com/start',
    region: 'eu-north-1',
  },
  profiles: { regions: ['eu-north-1', 'eu-west-1'] },
  static: {
    accounts: [
      { id: '111111111111', name: 'platform-dev', environment: 'dev' },
      { id: '222222222222', name: 'platform-prod', environment: 'prod' },
      { id: '333333333333', name: 'data-dev', region: 'eu-west-1' },
    ],
    permissionSets: [
      {
        name: 'PowerUser',
        description: 'Build and run',
        sessionDuration: 'PT8H',
      },
      { name: 'ReadOnly', description: 'Look only' },
    ],
    groups: [{ id: 'g-platform', displayName: 'Platform Team' }],
    assignments: [
      {
        group: 'Platform Team',
        accounts: ['platform-dev', '222222222222'],
        permissionSets: ['PowerUser', 'ReadOnly'],
      },
      { group: 'data', accounts: ['data-dev'], permissionSets: ['ReadOnly'] },
    ],
  },
};

const group = (name: string, extra: Partial<Entity['metadata']> = {}) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default', ...extra },
  spec: { type: 'team', children: [] },
});

export const exampleEntities: Entity[] = [
  group('platform', {
    annotations: { 'aws-access/identity-center-group': 'g-platform' },
  }),
  group('data'),
  group('unmatched'),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'ada', namespace: 'default' },
    spec: { memberOf: ['platform', 'data'] },
    relations: [
      { type: 'memberOf', targetRef: 'group:default/platform' },
      { type: 'memberOf', targetRef: 'group:default/data' },
    ],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'billing', namespace: 'default' },
    spec: { type: 'service', owner: 'platform' },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/platform' }],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'billing-prod-only',
      namespace: 'default',
      annotations: { 'amazonaws.com/account-id': '222222222222' },
    },
    spec: { type: 'service', owner: 'platform' },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/platform' }],
  },
];
