import { FakeIdentityCenter, FakeOrg } from '@aws-access/fake-identity-center';
import { IdentityCenterSettings } from '../identityCenter/settings';
import {
  IdentityCenterWriteError,
  IdentityCenterWriter,
  StatusPolling,
} from './IdentityCenterWriter';

const INSTANCE = 'arn:aws:sso:::instance/ssoins-1111222233334444';
const PS = 'arn:aws:sso:::permissionSet/ssoins-1111222233334444/ps-aaaa';
const ACCOUNT = '111111111111';

const org = (): FakeOrg => ({
  instanceArn: INSTANCE,
  identityStoreId: 'd-1234567890',
  accounts: [{ id: ACCOUNT, name: 'dev', email: 'dev@example.org' }],
  permissionSets: [{ arn: PS, name: 'PowerUserAccess' }],
  groups: [{ id: 'g-1', displayName: 'Platform' }],
  users: [
    { id: 'u-1', userName: 'ada', emails: ['ada@example.org'] },
    { id: 'u-2', userName: 'bob', emails: ['bob@example.org'] },
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

const ada = { accountId: ACCOUNT, permissionSetArn: PS, userId: 'u-1' };

/** Statuses settle after 40 ms; the writer first asks after 60 ms. */
const FAST = { fakeDelayMs: 40, firstDelayMs: 60 };

describe('IdentityCenterWriter against the fake over HTTP', () => {
  let fake: FakeIdentityCenter;

  beforeEach(async () => {
    fake = await FakeIdentityCenter.start(org(), {
      assignmentStatusDelayMs: FAST.fakeDelayMs,
    });
  });

  afterEach(async () => {
    await fake.stop();
  });

  const writerFor = (
    polling: Partial<StatusPolling> = { firstDelayMs: FAST.firstDelayMs },
  ) => {
    const settings: IdentityCenterSettings = {
      region: 'eu-north-1',
      organizationsRegion: 'us-east-1',
      requestsPerSecond: 20,
      organizationsRequestsPerSecond: 10,
      concurrency: 4,
      maxAttempts: 2,
      endpoints: {
        ssoAdmin: fake.url,
        identityStore: fake.url,
        organizations: fake.url,
      },
    };
    return new IdentityCenterWriter({
      settings,
      credentials: async () => ({
        accessKeyId: 'AKIAFAKEFAKEFAKE',
        secretAccessKey: 'fake-secret',
      }),
      polling,
    });
  };

  const failureOf = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(IdentityCenterWriteError);
    return error as IdentityCenterWriteError;
  };

  it('finds a user id by user name, else by email, and nothing for a stranger', async () => {
    const writer = writerFor();
    expect(await writer.userIdOf({ userNames: ['Ada'] })).toBe('u-1');
    expect(
      await writer.userIdOf({
        userNames: ['robert'],
        emails: ['bob@example.org'],
      }),
    ).toBe('u-2');
    expect(
      await writer.userIdOf({ userNames: ['eve'], emails: ['eve@x.org'] }),
    ).toBeUndefined();
    // The instance came from ListInstances, once.
    expect(fake.calls.ListInstances).toBe(1);
    expect(fake.calls.GetUserId).toBe(5);
  });

  it('creates an assignment that the listings show, once however often asked', async () => {
    const writer = writerFor();
    await writer.createAssignment(ada);
    expect(fake.assignmentsOf('u-1')).toEqual([
      {
        accountId: ACCOUNT,
        permissionSetArn: PS,
        principalType: 'USER',
        principalId: 'u-1',
      },
    ]);
    await writer.createAssignment(ada);
    expect(fake.assignmentsOf('u-1')).toHaveLength(1);
    expect(fake.assignmentOperations.map(o => o.status)).toEqual([
      'SUCCEEDED',
      'SUCCEEDED',
    ]);
  });

  it('deletes an assignment, and a missing one counts as removed', async () => {
    const writer = writerFor();
    await writer.createAssignment(ada);
    await writer.deleteAssignment(ada);
    expect(fake.assignmentsOf('u-1')).toEqual([]);
    // The group's assignment of the same permission set stays.
    expect(fake.assignmentsOf('g-1')).toHaveLength(1);

    await writer.deleteAssignment(ada);
    fake.behaviour.failDeleteOfMissingAssignment = true;
    await writer.deleteAssignment(ada);
    expect(fake.assignmentOperations.map(o => `${o.kind} ${o.status}`)).toEqual(
      [
        'create SUCCEEDED',
        'delete SUCCEEDED',
        'delete SUCCEEDED',
        'delete FAILED',
      ],
    );
  });

  it('throws a permanent error with the reason when the status ends FAILED', async () => {
    fake.failNext('CreateAccountAssignment', 1, {
      status: 'FAILED',
      reason: 'The IAM role quota of the account is reached',
    });
    const error = await failureOf(writerFor().createAssignment(ada));
    expect(error).toMatchObject({
      retryable: false,
      failureReason: 'The IAM role quota of the account is reached',
    });
    expect(error.message).toContain(
      'could not assign arn:aws:sso:::permissionSet/ssoins-1111222233334444/ps-aaaa for user u-1 in account 111111111111: The IAM role quota',
    );
    expect(fake.assignmentsOf('u-1')).toEqual([]);

    fake.failNext('DeleteAccountAssignment', 1, {
      status: 'FAILED',
      reason: 'An unexpected internal service exception was encountered',
    });
    expect(await failureOf(writerFor().deleteAssignment(ada))).toMatchObject({
      retryable: false,
    });
  });

  it('tells permanent request errors from retryable ones', async () => {
    const writer = writerFor();
    fake.behaviour.deniedOperations = ['CreateAccountAssignment'];
    expect(await failureOf(writer.createAssignment(ada))).toMatchObject({
      retryable: false,
      message: expect.stringContaining('AccessDeniedException'),
    });
    fake.behaviour.deniedOperations = [];

    expect(
      await failureOf(
        writer.createAssignment({ ...ada, accountId: '999999999999' }),
      ),
    ).toMatchObject({ retryable: false });

    // Two attempts per call (maxAttempts 2): both answered 500.
    fake.failNext('DeleteAccountAssignment', 2, {
      error: 'InternalServerException',
    });
    expect(await failureOf(writer.deleteAssignment(ada))).toMatchObject({
      retryable: true,
    });
    expect(fake.calls.DeleteAccountAssignment).toBe(2);
  });

  it('lets the SDK retry a throttled request', async () => {
    fake.failNext('DescribeAccountAssignmentCreationStatus', 1, {
      error: 'ThrottlingException',
    });
    await writerFor().createAssignment(ada);
    expect(fake.assignmentsOf('u-1')).toHaveLength(1);
    expect(fake.calls.DescribeAccountAssignmentCreationStatus).toBe(2);
  });

  it('waits out a write to the same assignment already under way', async () => {
    const writer = writerFor();
    await writer.createAssignment(ada);
    // The create arrives while the delete is in progress: ConflictException, then a
    // second create once the delete is done, so the assignment exists at the end.
    fake.behaviour.assignmentStatusDelayMs = 150;
    const deleting = writer.deleteAssignment(ada);
    while (!fake.calls.DeleteAccountAssignment) {
      await new Promise(r => setTimeout(r, 5));
    }
    await Promise.all([deleting, writer.createAssignment(ada)]);
    // Accepted in this order; the creates answered ConflictException are not in it.
    expect(fake.assignmentOperations.map(o => `${o.kind} ${o.status}`)).toEqual(
      ['create SUCCEEDED', 'delete SUCCEEDED', 'create SUCCEEDED'],
    );
    expect(fake.calls.CreateAccountAssignment).toBeGreaterThanOrEqual(3);
    expect(fake.assignmentsOf('u-1')).toHaveLength(1);
  });

  it('gives up with a retryable error when the status stays IN_PROGRESS', async () => {
    fake.behaviour.assignmentStatusDelayMs = 10_000;
    const error = await failureOf(
      writerFor({
        firstDelayMs: FAST.firstDelayMs,
        timeoutMs: 150,
      }).createAssignment(ada),
    );
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/still IN_PROGRESS after/);
  });

  it('makes five calls for a grant and its removal with the default timings', async () => {
    fake.behaviour.assignmentStatusDelayMs = undefined;
    const writer = writerFor({});
    await writer.instance();
    fake.resetCalls();

    const userId = await writer.userIdOf({
      userNames: ['ada'],
      emails: ['ada@example.org'],
    });
    await writer.createAssignment({ ...ada, userId: userId! });
    await writer.deleteAssignment({ ...ada, userId: userId! });
    expect(fake.calls).toEqual({
      GetUserId: 1,
      CreateAccountAssignment: 1,
      DescribeAccountAssignmentCreationStatus: 1,
      DeleteAccountAssignment: 1,
      DescribeAccountAssignmentDeletionStatus: 1,
    });
  });
});
