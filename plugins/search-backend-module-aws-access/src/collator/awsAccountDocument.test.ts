import { awsAccountDocument } from './awsAccountDocument';

describe('awsAccountDocument', () => {
  it('puts the id, environment, team names and roles in the text and links to the account page', () => {
    expect(
      awsAccountDocument({
        organization: 'prod',
        organizationTitle: 'Production',
        id: '605112784586',
        name: 'payments-prod',
        environment: 'prod',
        roles: ['AdministratorAccess', 'ReadOnlyAccess'],
        teams: ['group:default/payments', 'group:finance/auditors'],
      }),
    ).toEqual({
      title: 'payments-prod',
      text: 'AWS account 605112784586 · organization Production · environment prod · teams payments, auditors · roles AdministratorAccess, ReadOnlyAccess',
      location: '/aws-access/accounts/605112784586?organization=prod',
      organization: 'prod',
      organizationTitle: 'Production',
      accountId: '605112784586',
      environment: 'prod',
      roles: ['AdministratorAccess', 'ReadOnlyAccess'],
      teams: ['group:default/payments', 'group:finance/auditors'],
    });
  });

  it('leaves out what an account lacks, and follows another mount path', () => {
    expect(
      awsAccountDocument(
        {
          organization: 'sandbox org',
          organizationTitle: 'Sandbox',
          id: '111111111111',
          name: 'sandbox',
          roles: [],
          teams: [],
        },
        '/tools/aws/',
      ),
    ).toMatchObject({
      text: 'AWS account 111111111111 · organization Sandbox',
      location: '/tools/aws/accounts/111111111111?organization=sandbox%20org',
      environment: '',
    });
  });
});
