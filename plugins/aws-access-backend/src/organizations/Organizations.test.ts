import { ServiceUnavailableError } from '@backstage/errors';
import { AwsOrganizationSettings } from '@aws-access/backstage-plugin-aws-access-common';
import { AccessSnapshot, AccessSnapshotSource } from '../snapshot/types';
import { Organizations } from './Organizations';

const settings = (id: string): AwsOrganizationSettings => ({
  id,
  title: id.toUpperCase(),
  sso: {
    sessionName: id,
    startUrl: `https://${id}.awsapps.com/start`,
    ssoRegion: 'eu-north-1',
    registrationScopes: 'sso:account:access',
  },
  profiles: {
    defaultRegion: 'eu-north-1',
    regions: ['eu-north-1'],
    output: 'json',
    profileNameTemplate: '{org}-{accountName}-{roleName}',
  },
});

const empty: AccessSnapshot = {
  accounts: [],
  permissionSets: [],
  groups: [],
  assignments: [],
};

const serving = (snapshot = empty): AccessSnapshotSource => ({
  getSnapshot: async () => snapshot,
  getStatus: async () => ({ source: 'identityCenter', stale: false }),
});

const failing = (error: Error): AccessSnapshotSource => ({
  getSnapshot: async () => {
    throw error;
  },
  getStatus: async () => ({
    source: 'identityCenter',
    stale: true,
    lastError: error.message,
  }),
});

describe('Organizations', () => {
  it('serves the organisations that have data while another has none', async () => {
    const organizations = new Organizations([
      {
        settings: settings('prod'),
        source: failing(new ServiceUnavailableError('not synced yet')),
      },
      { settings: settings('sandbox'), source: serving() },
    ]);
    const snapshots = await organizations.snapshots();
    expect(snapshots.map(s => s.organization.id)).toEqual(['sandbox']);
    expect(await organizations.availability()).toEqual({
      serving: ['sandbox'],
      withoutData: ['prod'],
    });
    const status = await organizations.status();
    expect(status.stale).toBe(true);
    expect(
      status.organizations.map(o => [o.id, o.title, o.hasData, o.lastError]),
    ).toEqual([
      ['prod', 'PROD', false, 'not synced yet'],
      ['sandbox', 'SANDBOX', true, undefined],
    ]);
  });

  it('answers 503 naming every organisation when none has data', async () => {
    const organizations = new Organizations([
      {
        settings: settings('prod'),
        source: failing(new ServiceUnavailableError('prod is down')),
      },
      {
        settings: settings('sandbox'),
        source: failing(new ServiceUnavailableError('sandbox is down')),
      },
    ]);
    await expect(organizations.snapshots()).rejects.toThrow(
      'No organisation has AWS access data to serve yet: PROD (prod): prod is down; SANDBOX (sandbox): sandbox is down',
    );
  });

  it('lets a fault that is no outage through', async () => {
    const organizations = new Organizations([
      { settings: settings('prod'), source: failing(new TypeError('bug')) },
    ]);
    await expect(organizations.snapshots()).rejects.toThrow(TypeError);
  });
});
