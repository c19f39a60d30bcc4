import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { FakeOrg } from '@aws-access/fake-identity-center';
import { identityCenterOverlay, sqsEventsOverlay } from './backendOverlays';

/*
 * What the live-events browser tests share: a small organisation whose group the example
 * catalog's Group "platform" names, the queue as the README's template makes it, the
 * message AWS puts on it, and the backend config that reads it with Backstage's SQS module.
 */

export const INSTANCE = 'arn:aws:sso:::instance/ssoins-7777888899990000';
export const PS = 'arn:aws:sso:::permissionSet/ssoins-7777888899990000/ps-1111';

export const org: FakeOrg = {
  instanceArn: INSTANCE,
  identityStoreId: 'd-7777888899',
  accounts: [
    { id: '210000000001', name: 'live-dev', email: 'dev@example.org' },
    { id: '210000000002', name: 'live-prod', email: 'prod@example.org' },
    { id: '210000000003', name: 'live-sandbox', email: 'sb@example.org' },
  ],
  permissionSets: [{ arn: PS, name: 'LiveOperator' }],
  // The example catalog's Group "platform" names this group in its annotation.
  groups: [{ id: 'g-platform', displayName: 'aws-platform-team' }],
  assignments: [
    {
      accountId: '210000000001',
      permissionSetArn: PS,
      principalType: 'GROUP',
      principalId: 'g-platform',
    },
  ],
};

/** An assignment change of the example organisation's group, as a queue message body. */
export function assignmentEvent(
  eventName: 'CreateAccountAssignment' | 'DeleteAccountAssignment',
  accountId: string,
  instanceArn = INSTANCE,
) {
  return assignmentEventBody(eventName, {
    instanceArn,
    accountId,
    permissionSetArn: PS,
    principalId: 'g-platform',
  });
}

/** The message body an EventBridge rule puts on the queue for an assignment call's CloudTrail record. */
export function assignmentEventBody(
  eventName: 'CreateAccountAssignment' | 'DeleteAccountAssignment',
  a: {
    instanceArn: string;
    accountId: string;
    permissionSetArn: string;
    principalId: string;
  },
) {
  const now = new Date().toISOString();
  return JSON.stringify({
    version: '0',
    id: `e2e-${Math.random()}`,
    'detail-type': 'AWS API Call via CloudTrail',
    source: 'aws.sso',
    account: '111122223333',
    time: now,
    region: 'eu-north-1',
    resources: [],
    detail: {
      eventVersion: '1.08',
      eventTime: now,
      eventSource: 'sso.amazonaws.com',
      eventName,
      awsRegion: 'eu-north-1',
      requestParameters: {
        instanceArn: a.instanceArn,
        targetId: a.accountId,
        targetType: 'AWS_ACCOUNT',
        permissionSetArn: a.permissionSetArn,
        principalType: 'GROUP',
        principalId: a.principalId,
      },
      responseElements: {
        accountAssignmentCreationStatus: { status: 'IN_PROGRESS' },
      },
      eventType: 'AwsApiCall',
    },
  });
}

/** A queue whose unreadable messages move to a dead-letter queue after two receives. */
export async function createQueue(sqs: SQSClient, name: string) {
  const dlq = await sqs.send(
    new CreateQueueCommand({ QueueName: `${name}-dlq` }),
  );
  const dlqArn = (
    await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: dlq.QueueUrl,
        AttributeNames: ['QueueArn'],
      }),
    )
  ).Attributes!.QueueArn;
  const { QueueUrl } = await sqs.send(
    new CreateQueueCommand({
      QueueName: name,
      Attributes: {
        VisibilityTimeout: '1',
        RedrivePolicy: JSON.stringify({
          deadLetterTargetArn: dlqArn,
          maxReceiveCount: '2',
        }),
      },
    }),
  );
  return { queueUrl: QueueUrl!, deadLetterQueueUrl: dlq.QueueUrl! };
}

/** Messages on a queue, visible or in flight. */
export async function queueDepth(sqs: SQSClient, url: string) {
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: url,
      AttributeNames: [
        'ApproximateNumberOfMessages',
        'ApproximateNumberOfMessagesNotVisible',
      ],
    }),
  );
  return (
    Number(Attributes!.ApproximateNumberOfMessages) +
    Number(Attributes!.ApproximateNumberOfMessagesNotVisible)
  );
}

/** Backend config: the fake Identity Center, events on, the SQS module on the queue. */
export function liveOverlays(
  fakeUrl: string,
  queueUrl: string,
  sqsUrl: string,
  accessKeyId?: string,
) {
  return [
    identityCenterOverlay(fakeUrl, {
      accessKeyId,
      maxAttempts: 2,
      schedule:
        '{ frequency: { hours: 6 }, timeout: { minutes: 5 }, initialDelay: { seconds: 0 } }',
      events: '{ enabled: true, settleMilliseconds: 500 }',
    }),
    sqsEventsOverlay(queueUrl, sqsUrl),
  ];
}
