import { parseIdentityCenterEvent } from './parseIdentityCenterEvent';

const INSTANCE = 'arn:aws:sso:::instance/ssoins-6987a0b1c2d3e4f5';
const STORE = 'd-9067c1a2b3';
const scope = { instanceArn: INSTANCE, identityStoreId: STORE };
const PS =
  'arn:aws:sso:::permissionSet/ssoins-6987a0b1c2d3e4f5/ps-0123456789abcdef';

/** The EventBridge envelope AWS puts in the SQS message body for a CloudTrail record. */
function envelope(
  eventSource: string,
  eventName: string,
  requestParameters: unknown,
  extra: Record<string, unknown> = {},
) {
  return {
    version: '0',
    id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
    'detail-type': 'AWS API Call via CloudTrail',
    source: `aws.${eventSource.split('.')[0]}`,
    account: '111122223333',
    time: '2026-11-26T10:00:01Z',
    region: 'eu-west-1',
    resources: [],
    detail: {
      eventVersion: '1.08',
      userIdentity: { type: 'AssumedRole', accountId: '111122223333' },
      eventTime: '2026-11-26T10:00:00Z',
      eventSource,
      eventName,
      awsRegion: 'eu-west-1',
      sourceIPAddress: '203.0.113.7',
      userAgent: 'aws-cli/2.22.0',
      requestParameters,
      eventID: 'f2b8b6c4-0b1c-4c3e-9a8e-3d3c1f5f0d11',
      readOnly: false,
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: '111122223333',
      eventCategory: 'Management',
      ...extra,
    },
  };
}

const assignment = (principalType = 'GROUP') => ({
  instanceArn: INSTANCE,
  targetId: '123456789012',
  targetType: 'AWS_ACCOUNT',
  permissionSetArn: PS,
  principalType,
  principalId: '906777e1-e0f1-7063-9a58-62e1b2c3d4e5',
});

describe('parseIdentityCenterEvent', () => {
  it('re-reads the principal of a created assignment and expects it present', () => {
    const event = envelope(
      'sso.amazonaws.com',
      'CreateAccountAssignment',
      assignment(),
      {
        responseElements: {
          accountAssignmentCreationStatus: { status: 'IN_PROGRESS' },
        },
      },
    );
    expect(parseIdentityCenterEvent(event, scope)).toEqual({
      type: 'refresh',
      matchedInstance: true,
      eventTime: new Date('2026-11-26T10:00:00Z'),
      target: {
        kind: 'principal',
        principalType: 'GROUP',
        principalId: '906777e1-e0f1-7063-9a58-62e1b2c3d4e5',
        expect: {
          accountId: '123456789012',
          permissionSetArn: PS,
          present: true,
        },
      },
    });
  });

  it('reads the message body as JSON and expects a deleted user assignment gone', () => {
    const body = JSON.stringify(
      envelope(
        'sso.amazonaws.com',
        'DeleteAccountAssignment',
        assignment('USER'),
      ),
    );
    const parsed = parseIdentityCenterEvent(body, scope);
    expect(parsed).toMatchObject({
      type: 'refresh',
      target: {
        kind: 'principal',
        principalType: 'USER',
        expect: { present: false },
      },
    });
  });

  it.each([
    ['CreatePermissionSet', { instanceArn: INSTANCE, name: 'Admin' }],
    ['UpdatePermissionSet', { instanceArn: INSTANCE, permissionSetArn: PS }],
    ['DeletePermissionSet', { instanceArn: INSTANCE, permissionSetArn: PS }],
    [
      'ProvisionPermissionSet',
      {
        instanceArn: INSTANCE,
        permissionSetArn: PS,
        targetType: 'ALL_PROVISIONED_ACCOUNTS',
      },
    ],
  ])('re-reads the permission set of %s', (name, request) => {
    const event = envelope('sso.amazonaws.com', name, request, {
      responseElements: {
        permissionSet: { permissionSetArn: PS, name: 'Admin' },
      },
    });
    expect(parseIdentityCenterEvent(event, scope)).toMatchObject({
      type: 'refresh',
      target: { kind: 'permissionSet', arn: PS },
    });
  });

  it.each([
    ['identitystore.amazonaws.com', 'CreateGroup'],
    ['identitystore.amazonaws.com', 'UpdateGroup'],
    ['identitystore-scim.amazonaws.com', 'PatchGroup'],
    ['identitystore-scim.amazonaws.com', 'DeleteGroup'],
    ['sso-directory.amazonaws.com', 'UpdateGroupDisplayName'],
  ])('re-reads the groups on %s %s', (source, name) => {
    const event = envelope(source, name, {
      identityStoreId: STORE,
      groupId: 'HIDDEN_DUE_TO_SECURITY_REASONS',
    });
    expect(parseIdentityCenterEvent(event, scope)).toMatchObject({
      type: 'refresh',
      matchedInstance: true,
      target: { kind: 'groups' },
    });
  });

  it.each([
    'CreateAccount',
    'CloseAccount',
    'MoveAccount',
    'AcceptHandshake',
    'RemoveAccountFromOrganization',
    'LeaveOrganization',
  ])('re-reads the account list on Organizations %s', name => {
    const event = envelope('organizations.amazonaws.com', name, {
      accountId: '123456789012',
    });
    // Organizations names no Identity Center instance.
    expect(parseIdentityCenterEvent(event, scope)).toMatchObject({
      type: 'refresh',
      matchedInstance: false,
      target: { kind: 'accounts' },
    });
  });

  it.each([
    [
      'a body that is not JSON',
      '{"detail": {"eventSource": "sso.amazon',
      'malformed',
    ],
    ['a body that is JSON but not an envelope', '[1, 2, 3]', 'malformed'],
    ['null', null, 'malformed'],
    [
      'a record truncated before its event name',
      {
        ...envelope('sso.amazonaws.com', 'X', {}),
        detail: { eventSource: 'sso.amazonaws.com' },
      },
      'malformed',
    ],
    [
      'an assignment with no principal',
      envelope('sso.amazonaws.com', 'CreateAccountAssignment', {
        instanceArn: INSTANCE,
        targetId: '123456789012',
      }),
      'malformed',
    ],
    [
      'an assignment whose requestParameters is a string',
      envelope('sso.amazonaws.com', 'CreateAccountAssignment', 'oops'),
      'malformed',
    ],
    [
      'an assignment in another instance',
      envelope('sso.amazonaws.com', 'CreateAccountAssignment', {
        ...assignment(),
        instanceArn: 'arn:aws:sso:::instance/ssoins-0000000000000000',
      }),
      'otherInstance',
    ],
    [
      'a group in another identity store',
      envelope('identitystore.amazonaws.com', 'CreateGroup', {
        identityStoreId: 'd-0000000000',
      }),
      'otherInstance',
    ],
    [
      'a read-only call',
      envelope('sso.amazonaws.com', 'ListInstances', { instanceArn: INSTANCE }),
      'unknownEvent',
    ],
    [
      'an event from another service',
      envelope('s3.amazonaws.com', 'PutObject', { bucketName: 'b' }),
      'unknownEvent',
    ],
    [
      'a call that failed',
      envelope('sso.amazonaws.com', 'CreateAccountAssignment', assignment(), {
        errorCode: 'AccessDeniedException',
      }),
      'failedCall',
    ],
    [
      'a membership change',
      envelope('identitystore.amazonaws.com', 'CreateGroupMembership', {
        identityStoreId: STORE,
      }),
      'membership',
    ],
  ])('ignores %s', (_, payload, reason) => {
    expect(parseIdentityCenterEvent(payload, scope)).toMatchObject({
      type: 'ignore',
      reason,
    });
  });

  it('leaves out an event time it cannot read', () => {
    const event = envelope('sso.amazonaws.com', 'UpdatePermissionSet', {
      instanceArn: INSTANCE,
      permissionSetArn: PS,
    });
    const parsed = parseIdentityCenterEvent(
      { ...event, time: 'soon', detail: { ...event.detail, eventTime: 42 } },
      scope,
    );
    expect(parsed).toEqual({
      type: 'refresh',
      matchedInstance: true,
      target: { kind: 'permissionSet', arn: PS },
    });
  });
});
