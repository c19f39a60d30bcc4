import { FakeIdentityCenter } from './FakeIdentityCenter';
import { FakeOrg } from './model';

const INSTANCE = 'arn:aws:sso:::instance/ssoins-1111222233334444';
const PS = 'arn:aws:sso:::permissionSet/ssoins-1111222233334444/ps-aaaa';
const ACCOUNT = '111111111111';
const DELAY_MS = 120;

const org = (): FakeOrg => ({
  instanceArn: INSTANCE,
  identityStoreId: 'd-1234567890',
  accounts: [{ id: ACCOUNT, name: 'dev', email: 'dev@example.org' }],
  permissionSets: [{ arn: PS, name: 'PowerUserAccess' }],
  groups: [{ id: 'g-1', displayName: 'Platform' }],
  users: [
    { id: 'u-1', userName: 'Ada', emails: ['ada@example.org'] },
    { id: 'u-2', userName: 'bob' },
  ],
  assignments: [
    {
      accountId: ACCOUNT,
      permissionSetArn: PS,
      principalType: 'GROUP',
      principalId: 'g-1',
    },
  ],
});

const userAssignment = (principalId = 'u-1') => ({
  InstanceArn: INSTANCE,
  TargetId: ACCOUNT,
  TargetType: 'AWS_ACCOUNT',
  PermissionSetArn: PS,
  PrincipalType: 'USER',
  PrincipalId: principalId,
});

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

describe('FakeIdentityCenter account assignment writes', () => {
  let fake: FakeIdentityCenter;

  beforeEach(async () => {
    fake = await FakeIdentityCenter.start(org(), {
      assignmentStatusDelayMs: DELAY_MS,
    });
  });

  afterEach(async () => {
    await fake.stop();
  });

  /** Sends one request; the parsed body, with the HTTP status and error type. */
  const send = async (operation: string, input: object) => {
    const service = ['GetUserId', 'ListGroups'].includes(operation)
      ? 'AWSIdentityStore'
      : 'SWBExternalService';
    const response = await fetch(fake.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `${service}.${operation}`,
      },
      body: JSON.stringify(input),
    });
    const body = (await response.json()) as Record<string, any>;
    return { status: response.status, type: body.__type, body };
  };

  const create = async (principalId = 'u-1') =>
    (await send('CreateAccountAssignment', userAssignment(principalId))).body
      .AccountAssignmentCreationStatus;
  const remove = async (principalId = 'u-1') =>
    (await send('DeleteAccountAssignment', userAssignment(principalId))).body
      .AccountAssignmentDeletionStatus;
  const creation = async (requestId: string) =>
    (
      await send('DescribeAccountAssignmentCreationStatus', {
        InstanceArn: INSTANCE,
        AccountAssignmentCreationRequestId: requestId,
      })
    ).body.AccountAssignmentCreationStatus;
  const deletion = async (requestId: string) =>
    (
      await send('DescribeAccountAssignmentDeletionStatus', {
        InstanceArn: INSTANCE,
        AccountAssignmentDeletionRequestId: requestId,
      })
    ).body.AccountAssignmentDeletionStatus;

  /** What each listing shows for the user u-1 and the account. */
  const listings = async () => {
    const forPrincipal = await send('ListAccountAssignmentsForPrincipal', {
      InstanceArn: INSTANCE,
      PrincipalId: 'u-1',
      PrincipalType: 'USER',
    });
    const forAccount = await send('ListAccountAssignments', {
      InstanceArn: INSTANCE,
      AccountId: ACCOUNT,
      PermissionSetArn: PS,
    });
    return {
      forPrincipal: forPrincipal.body.AccountAssignments.length,
      forAccount: forAccount.body.AccountAssignments.map(
        (a: { PrincipalId: string }) => a.PrincipalId,
      ),
    };
  };

  it('creates asynchronously: IN_PROGRESS, then SUCCEEDED and in every listing', async () => {
    const started = await create();
    expect(started).toMatchObject({
      Status: 'IN_PROGRESS',
      TargetId: ACCOUNT,
      PrincipalId: 'u-1',
    });
    expect(await creation(started.RequestId)).toMatchObject({
      Status: 'IN_PROGRESS',
    });
    expect(await listings()).toEqual({ forPrincipal: 0, forAccount: ['g-1'] });

    await sleep(DELAY_MS + 30);
    expect(await creation(started.RequestId)).toMatchObject({
      Status: 'SUCCEEDED',
      RequestId: started.RequestId,
    });
    expect(await listings()).toEqual({
      forPrincipal: 1,
      forAccount: ['g-1', 'u-1'],
    });
    expect(fake.assignmentsOf('u-1')).toEqual([
      {
        accountId: ACCOUNT,
        permissionSetArn: PS,
        principalType: 'USER',
        principalId: 'u-1',
      },
    ]);
    expect(fake.calls.CreateAccountAssignment).toBe(1);
  });

  it('settles on time even when nobody asks for the status', async () => {
    await create();
    await sleep(DELAY_MS + 40);
    expect(fake.org.assignments.map(a => a.principalId)).toEqual([
      'g-1',
      'u-1',
    ]);
  });

  it('succeeds creating an assignment that exists, without a second one', async () => {
    await create();
    await sleep(DELAY_MS + 30);
    const again = await create();
    await sleep(DELAY_MS + 30);
    expect((await creation(again.RequestId)).Status).toBe('SUCCEEDED');
    expect(fake.assignmentsOf('u-1')).toHaveLength(1);
  });

  it('answers ConflictException while another write to the assignment is under way', async () => {
    await create();
    expect(
      await send('DeleteAccountAssignment', userAssignment()),
    ).toMatchObject({ status: 400, type: 'ConflictException' });
    await sleep(DELAY_MS + 30);
    expect((await remove()).Status).toBe('IN_PROGRESS');
  });

  it('deletes asynchronously, and a delete of a missing assignment succeeds', async () => {
    await create();
    await sleep(DELAY_MS + 30);
    const started = await remove();
    expect(started.Status).toBe('IN_PROGRESS');
    expect(fake.assignmentsOf('u-1')).toHaveLength(1);
    await sleep(DELAY_MS + 30);
    expect((await deletion(started.RequestId)).Status).toBe('SUCCEEDED');
    expect(await listings()).toEqual({ forPrincipal: 0, forAccount: ['g-1'] });

    const missing = await remove();
    await sleep(DELAY_MS + 30);
    expect((await deletion(missing.RequestId)).Status).toBe('SUCCEEDED');
    expect(fake.assignmentOperations.map(o => `${o.kind} ${o.status}`)).toEqual(
      ['create SUCCEEDED', 'delete SUCCEEDED', 'delete SUCCEEDED'],
    );
  });

  it('fails a delete of a missing assignment when told to', async () => {
    fake.behaviour.failDeleteOfMissingAssignment = true;
    const started = await remove();
    await sleep(DELAY_MS + 30);
    expect(await deletion(started.RequestId)).toMatchObject({
      Status: 'FAILED',
      FailureReason: expect.stringContaining('was found'),
    });
  });

  it('ends FAILED with the reason when told to, leaving the organisation alone', async () => {
    fake.failNext('CreateAccountAssignment', 1, {
      status: 'FAILED',
      reason: 'IAM role quota exceeded',
    });
    const failed = await create();
    await sleep(DELAY_MS + 30);
    expect(await creation(failed.RequestId)).toMatchObject({
      Status: 'FAILED',
      FailureReason: 'IAM role quota exceeded',
    });
    expect(fake.assignmentsOf('u-1')).toEqual([]);

    const next = await create();
    await sleep(DELAY_MS + 30);
    expect((await creation(next.RequestId)).Status).toBe('SUCCEEDED');
  });

  it('ends FAILED for a user missing from the identity store', async () => {
    const started = await create('u-gone');
    await sleep(DELAY_MS + 30);
    expect(await creation(started.RequestId)).toMatchObject({
      Status: 'FAILED',
      FailureReason: expect.stringContaining('was not found in directory'),
    });
  });

  it('answers injected errors, denials, throttling and bad input', async () => {
    fake.failNext('CreateAccountAssignment', 1, {
      error: 'InternalServerException',
    });
    expect(
      await send('CreateAccountAssignment', userAssignment()),
    ).toMatchObject({ status: 500, type: 'InternalServerException' });

    fake.behaviour.deniedOperations = ['DeleteAccountAssignment'];
    expect(
      await send('DeleteAccountAssignment', userAssignment()),
    ).toMatchObject({ status: 400, type: 'AccessDeniedException' });

    fake.behaviour.throttleEveryNth = 1;
    expect(
      await send('DescribeAccountAssignmentCreationStatus', {
        InstanceArn: INSTANCE,
        AccountAssignmentCreationRequestId: 'x',
      }),
    ).toMatchObject({ status: 400, type: 'ThrottlingException' });
    fake.behaviour.throttleEveryNth = undefined;

    expect(
      await send('CreateAccountAssignment', {
        ...userAssignment(),
        PermissionSetArn: `${PS}-unknown`,
      }),
    ).toMatchObject({ type: 'ResourceNotFoundException' });
    expect(
      await send('CreateAccountAssignment', {
        ...userAssignment(),
        TargetId: '999999999999',
      }),
    ).toMatchObject({ type: 'ValidationException' });
    expect(
      await send('DescribeAccountAssignmentCreationStatus', {
        InstanceArn: INSTANCE,
        AccountAssignmentCreationRequestId: 'unknown',
      }),
    ).toMatchObject({ type: 'ResourceNotFoundException' });
    expect(fake.assignmentOperations).toEqual([]);
  });

  it('finds a user id by user name or email, case-insensitively', async () => {
    const userId = async (AttributePath: string, AttributeValue: string) => {
      const { body, type } = await send('GetUserId', {
        IdentityStoreId: 'd-1234567890',
        AlternateIdentifier: {
          UniqueAttribute: { AttributePath, AttributeValue },
        },
      });
      return body.UserId ?? type;
    };
    expect(await userId('userName', 'ada')).toBe('u-1');
    expect(await userId('emails.value', 'Ada@Example.org')).toBe('u-1');
    expect(await userId('userName', 'carol')).toBe('ResourceNotFoundException');
    expect(await userId('displayName', 'Ada')).toBe('ValidationException');
  });
});
