import {
  AwsAccessStatus,
  EntityAccessResponse,
} from '@aws-access/backstage-plugin-aws-access-common';
import { Entity } from '@backstage/catalog-model';

/** Test data for the frontend tests; not part of the public surface. */
export const platformAccess: EntityAccessResponse = {
  entityRef: 'group:default/platform',
  settings: {
    sso: {
      sessionName: 'sikt',
      startUrl: 'https://d-c3670fd13e.awsapps.com/start',
      ssoRegion: 'eu-north-1',
      registrationScopes: 'sso:account:access',
    },
    profiles: {
      defaultRegion: 'eu-north-1',
      regions: ['eu-north-1', 'eu-west-1'],
      output: 'json',
      profileNameTemplate: '{accountName}-{roleName}',
    },
  },
  accounts: [
    {
      id: '318204556071',
      name: 'platform-dev',
      environment: 'dev',
      roles: [
        {
          name: 'PowerUserAccess',
          description: 'Build and operate',
          sessionDuration: 'PT8H',
          grantedVia: ['aws-platform-team'],
        },
      ],
    },
    {
      id: '318204556245',
      name: 'platform "prod" [eu]',
      region: 'eu-west-1',
      roles: [{ name: 'ReadOnlyAccess', grantedVia: ['aws-platform-team'] }],
    },
  ],
  teams: { 'aws-platform-team': 'group:default/platform' },
};

/** The signed-in user's own access: only the dev account's PowerUserAccess. */
export const myAccess: EntityAccessResponse = {
  ...platformAccess,
  entityRef: 'user:default/guest',
  accounts: [platformAccess.accounts[0]],
};

const group = (name: string, displayName: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', profile: { displayName }, children: [] },
});

export const teams: Entity[] = [
  group('platform', 'Platform'),
  group('data', 'Data'),
];

export const freshStatus: AwsAccessStatus = {
  source: 'identityCenter',
  stale: false,
  lastAttemptAt: '2026-11-26T08:00:00.000Z',
  lastSuccessAt: '2026-11-26T08:00:00.000Z',
};
