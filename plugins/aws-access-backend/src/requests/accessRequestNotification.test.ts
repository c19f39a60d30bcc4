import {
  CheckedAccessRequest,
  accessRequestNotification,
  accessRequestScope,
} from './accessRequestNotification';

const request: CheckedAccessRequest = {
  requester: { ref: 'user:default/ada', displayName: 'Ada Lovelace' },
  team: 'group:default/payments',
  account: {
    organization: 'default',
    id: '605112784586',
    name: 'payments-prod',
  },
  role: 'ReadOnlyAccess',
  group: 'payments',
};

describe('accessRequestNotification', () => {
  it('tells the team who asks for which role where, and which group to add them to', () => {
    expect(accessRequestNotification(request)).toEqual({
      recipients: {
        type: 'entity',
        entityRef: 'group:default/payments',
        excludeEntityRef: 'user:default/ada',
      },
      payload: {
        title:
          'Ada Lovelace asks for ReadOnlyAccess in payments-prod (605112784586)',
        description:
          'Add Ada Lovelace (user:default/ada) to the IAM Identity Center group "payments".',
        link: '/aws-access/accounts/605112784586?organization=default',
        topic: 'AWS access request',
        severity: 'normal',
        scope: accessRequestScope(request),
      },
    });
  });

  it('keeps the title within the 255 characters the notifications store holds', () => {
    const { payload } = accessRequestNotification({
      ...request,
      requester: { ref: 'user:default/ada', displayName: 'Å'.repeat(400) },
    });
    expect(payload.title).toHaveLength(255);
    expect(payload.title.endsWith('…')).toBe(true);
  });

  it('scopes by requester, organisation, account and role, not by group or team', () => {
    const scope = accessRequestScope(request);
    expect(scope.length).toBeLessThanOrEqual(255);
    expect(
      accessRequestScope({ ...request, group: 'other', team: 'group:x/y' }),
    ).toBe(scope);
    for (const other of [
      { ...request, role: 'AdministratorAccess' },
      { ...request, account: { ...request.account, id: '605112784419' } },
      { ...request, account: { ...request.account, organization: 'sandbox' } },
      { ...request, requester: { ref: 'user:default/bob' } },
    ]) {
      expect(accessRequestScope(other)).not.toBe(scope);
    }
  });
});
