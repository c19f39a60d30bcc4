import awsAccessPlugin from '@aws-access/backstage-plugin-aws-access-backend';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { AddressInfo } from 'node:net';
import { AwsAccountCollatorFactory } from './AwsAccountCollatorFactory';
import { AwsAccountDocument } from './awsAccountDocument';

const ACCOUNTS = 250;
const accountId = (i: number) => String(100000000000 + i);

/** A real AWS Access backend on a free port with 250 accounts, two teams' groups holding roles. */
async function startAwsAccess(
  result: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
) {
  const { server } = await startTestBackend({
    features: [
      awsAccessPlugin,
      mockServices.permissions.factory({ result }),
      mockServices.rootConfig.factory({
        data: {
          awsAccess: {
            sso: {
              sessionName: 'sikt',
              startUrl: 'https://d-c3670fd13e.awsapps.com/start',
              region: 'eu-north-1',
            },
            source: 'static',
            static: {
              accounts: Array.from({ length: ACCOUNTS }, (_, i) => ({
                id: accountId(i),
                name: `acct-${String(i).padStart(3, '0')}`,
                ...(i % 2 === 0 && { environment: 'prod' }),
              })),
              permissionSets: [{ name: 'ReadOnly' }, { name: 'Deploy' }],
              assignments: [
                {
                  group: 'payments',
                  accounts: [accountId(0), accountId(249)],
                  permissionSets: ['ReadOnly', 'Deploy'],
                },
                {
                  group: 'Platform Team',
                  accounts: [accountId(0)],
                  permissionSets: ['ReadOnly'],
                },
              ],
            },
          },
        },
      }),
      catalogServiceMock.factory({
        entities: ['payments', 'platform'].map(name => ({
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Group',
          metadata: {
            name,
            namespace: 'default',
            ...(name === 'platform' && {
              title: 'Platform Team',
            }),
          },
          spec: {
            type: 'team',
            children: [],
            ...(name === 'platform' && {
              profile: { displayName: 'Platform Team' },
            }),
          },
        })),
      }),
    ],
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://localhost:${port}/api/aws-access`;
  return mockServices.discovery.mock({
    getBaseUrl: async () => baseUrl,
    getExternalBaseUrl: async () => baseUrl,
  });
}

async function collate(factory: AwsAccountCollatorFactory) {
  const documents: AwsAccountDocument[] = [];
  for await (const document of await factory.getCollator()) {
    documents.push(document);
  }
  return documents;
}

describe('AwsAccountCollatorFactory', () => {
  it('reads every account page by page from the AWS Access backend, with roles and teams', async () => {
    const discovery = await startAwsAccess(AuthorizeResult.ALLOW);
    const factory = new AwsAccountCollatorFactory({
      auth: mockServices.auth(),
      discovery,
      pageSize: 100,
    });
    expect(factory.type).toBe('aws-account');
    expect(factory.visibilityPermission.name).toBe('aws-access.read');

    const documents = await collate(factory);
    expect(documents).toHaveLength(ACCOUNTS);
    expect(new Set(documents.map(d => d.accountId)).size).toBe(ACCOUNTS);
    expect(documents[0]).toEqual({
      title: 'acct-000',
      text: 'AWS account 100000000000 · organization sikt · environment prod · teams payments, platform · roles Deploy, ReadOnly',
      location: '/aws-access/accounts/100000000000?organization=default',
      organization: 'default',
      organizationTitle: 'sikt',
      accountId: '100000000000',
      environment: 'prod',
      roles: ['Deploy', 'ReadOnly'],
      teams: ['group:default/payments', 'group:default/platform'],
    });
    expect(documents[249]).toMatchObject({
      title: 'acct-249',
      environment: '',
      teams: ['group:default/payments'],
    });
    expect(documents[1]).toMatchObject({ roles: [], teams: [] });
  });

  it('fails with the backend status when AWS Access refuses, and indexes nothing', async () => {
    const discovery = await startAwsAccess(AuthorizeResult.DENY);
    const factory = new AwsAccountCollatorFactory({
      auth: mockServices.auth(),
      discovery,
    });
    await expect(collate(factory)).rejects.toThrow(/403/);
  });
});
