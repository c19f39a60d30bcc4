import {
  AccessGrant,
  AwsAccessStatus,
  AwsOrganizationSettings,
  EntityAccessResponse,
  TemporaryAccessSettings,
} from '@aws-access/backstage-plugin-aws-access-common';
import { Entity } from '@backstage/catalog-model';

/** Test data for the frontend tests; not part of the public surface. */
export const defaultOrganization: AwsOrganizationSettings = {
  id: 'default',
  title: 'sikt',
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
};

export const platformAccess: EntityAccessResponse = {
  entityRef: 'group:default/platform',
  settings: { organizations: [defaultOrganization] },
  accounts: [
    {
      organization: 'default',
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
      organization: 'default',
      id: '318204556245',
      name: 'platform "prod" [eu]',
      region: 'eu-west-1',
      roles: [{ name: 'ReadOnlyAccess', grantedVia: ['aws-platform-team'] }],
    },
  ],
  teams: { default: { 'aws-platform-team': 'group:default/platform' } },
};

/** The signed-in user's own access: only the dev account's PowerUserAccess. */
export const myAccess: EntityAccessResponse = {
  ...platformAccess,
  entityRef: 'user:default/guest',
  accounts: [platformAccess.accounts[0]],
};

/**
 * Two organisations side by side, each with an account named `platform-dev` and a group
 * named `aws-platform-team`; in the sandbox that group belongs to another team. The
 * sandbox lives in GovCloud: its regions are not the production's.
 */
export const productionOrganization: AwsOrganizationSettings = {
  id: 'prod',
  title: 'Production',
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
    profileNameTemplate: '{org}-{accountName}-{roleName}',
  },
};

export const sandboxOrganization: AwsOrganizationSettings = {
  id: 'sandbox',
  title: 'Sandbox',
  sso: {
    sessionName: 'sikt-sandbox',
    startUrl: 'https://d-90677a1b2c.awsapps.com/start',
    ssoRegion: 'us-gov-west-1',
    registrationScopes: 'sso:account:access',
  },
  profiles: {
    defaultRegion: 'us-gov-west-1',
    regions: ['us-gov-west-1', 'us-gov-east-1'],
    output: 'yaml',
    profileNameTemplate: '{org}-{accountName}-{roleName}',
  },
};

export const twoOrganizationsAccess: EntityAccessResponse = {
  entityRef: 'group:default/platform',
  settings: { organizations: [productionOrganization, sandboxOrganization] },
  accounts: [
    {
      organization: 'prod',
      id: '318204556071',
      name: 'platform-dev',
      environment: 'dev',
      roles: [
        {
          name: 'PowerUserAccess',
          sessionDuration: 'PT8H',
          grantedVia: ['aws-platform-team'],
        },
      ],
    },
    {
      organization: 'sandbox',
      id: '604112784586',
      name: 'platform-dev',
      environment: 'dev',
      roles: [{ name: 'PowerUserAccess', grantedVia: ['aws-platform-team'] }],
    },
  ],
  teams: {
    prod: { 'aws-platform-team': 'group:default/platform' },
    sandbox: { 'aws-platform-team': 'group:default/data' },
  },
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
  stale: false,
  organizations: [
    {
      id: 'default',
      title: 'sikt',
      source: 'identityCenter',
      hasData: true,
      stale: false,
      lastAttemptAt: '2026-11-26T08:00:00.000Z',
      lastSuccessAt: '2026-11-26T08:00:00.000Z',
    },
  ],
};

export const twoOrganizationsStatus: AwsAccessStatus = {
  stale: false,
  organizations: [
    { ...freshStatus.organizations[0], id: 'prod', title: 'Production' },
    { ...freshStatus.organizations[0], id: 'sandbox', title: 'Sandbox' },
  ],
};

/**
 * Temporary access in the default organisation: read-only roles for up to four hours
 * with a reason, approved by the team; `ViewOnlyAccess` self-service for an hour.
 */
export const temporaryAccess: TemporaryAccessSettings = {
  rules: [
    {
      permissionSet: 'ViewOnlyAccess',
      maxDurationMinutes: 60,
      selfService: true,
    },
    { pattern: 'Read.*', maxDurationMinutes: 240, selfService: false },
  ],
  requireReason: true,
  approvers: 'team',
};

export const temporaryAccessOrganization: AwsOrganizationSettings = {
  ...defaultOrganization,
  temporaryAccess,
};

/** The reader's own access where the organisation offers temporary access. */
export const myAccessWithRequests: EntityAccessResponse = {
  ...myAccess,
  settings: { organizations: [temporaryAccessOrganization] },
};

/** A pending request by Ada for ReadOnlyAccess in platform-dev; `changes` adjusts it. */
export function accessGrant(changes: Partial<AccessGrant> = {}): AccessGrant {
  return {
    id: 'g-1',
    organization: 'default',
    accountId: '318204556071',
    accountName: 'platform-dev',
    role: 'ReadOnlyAccess',
    requester: 'user:default/ada',
    reason: 'Debug the nightly export',
    durationMinutes: 60,
    state: 'pending',
    approvers: ['group:default/platform'],
    createdAt: '2026-12-01T08:00:00.000Z',
    overdue: false,
    actions: [],
    ...changes,
  };
}
