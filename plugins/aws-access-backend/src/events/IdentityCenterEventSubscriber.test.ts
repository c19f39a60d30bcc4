import { mockServices } from '@backstage/backend-test-utils';
import { RefreshTarget } from '../identityCenter/refreshTargets';
import { EventStats } from './EventStats';
import {
  EventRoute,
  IdentityCenterEventSubscriber,
} from './IdentityCenterEventSubscriber';

const PROD = {
  instanceArn: 'arn:aws:sso:::instance/ssoins-1111111111111111',
  identityStoreId: 'd-1111111111',
};
const SANDBOX = {
  instanceArn: 'arn:aws:sso:::instance/ssoins-2222222222222222',
  identityStoreId: 'd-2222222222',
};

function cloudTrail(source: string, name: string, request: object) {
  return {
    'detail-type': 'AWS API Call via CloudTrail',
    detail: {
      eventSource: source,
      eventName: name,
      eventTime: '2026-11-30T10:00:00Z',
      requestParameters: request,
    },
  };
}

const assignment = (instanceArn: string) =>
  cloudTrail('sso.amazonaws.com', 'CreateAccountAssignment', {
    instanceArn,
    principalType: 'GROUP',
    principalId: 'g-1',
    targetId: '123456789012',
    permissionSetArn: `${instanceArn}/ps-1`,
  });

function setUp(
  topics: { prod: string; sandbox: string },
  sandboxScope: () => Promise<typeof SANDBOX> = async () => SANDBOX,
) {
  const requested: Record<string, RefreshTarget[]> = { prod: [], sandbox: [] };
  const route = (
    organization: 'prod' | 'sandbox',
    scope: () => Promise<typeof PROD>,
  ): EventRoute => ({
    organization,
    topic: topics[organization],
    scope,
    refresh: { request: target => requested[organization].push(target) },
  });
  const stats = new EventStats(mockServices.logger.mock());
  const subscriber = new IdentityCenterEventSubscriber({
    routes: [route('prod', async () => PROD), route('sandbox', sandboxScope)],
    stats,
    logger: mockServices.logger.mock(),
  });
  const send = (eventPayload: unknown, topic = topics.prod) =>
    subscriber.onEvent({ topic, eventPayload });
  return { requested, stats, send };
}

describe('IdentityCenterEventSubscriber', () => {
  it('sends an event on a shared topic to the organisation whose instance it names, only', async () => {
    const { requested, stats, send } = setUp({ prod: 'aws', sandbox: 'aws' });
    await send(assignment(SANDBOX.instanceArn));
    await send(
      cloudTrail('identitystore.amazonaws.com', 'UpdateGroup', {
        identityStoreId: PROD.identityStoreId,
      }),
    );
    expect(requested.sandbox.map(t => t.kind)).toEqual(['principal']);
    expect(requested.prod.map(t => t.kind)).toEqual(['groups']);
    expect(stats.lastEventAtOf('sandbox')).toBeDefined();
  });

  it('counts and drops an event for an instance no organisation names', async () => {
    const { requested, stats, send } = setUp({ prod: 'aws', sandbox: 'aws' });
    await send(assignment('arn:aws:sso:::instance/ssoins-3333333333333333'));
    expect(requested).toEqual({ prod: [], sandbox: [] });
    expect(stats.toStatus().eventsIgnored).toEqual({ otherInstance: 1 });
  });

  it('reads an event that names no instance in every organisation on its topic, and only there', async () => {
    const { requested, send } = setUp({ prod: 'prod', sandbox: 'sandbox' });
    const accountCreated = cloudTrail(
      'organizations.amazonaws.com',
      'CreateAccount',
      {},
    );
    await send(accountCreated, 'sandbox');
    expect(requested.prod).toEqual([]);
    expect(requested.sandbox.map(t => t.kind)).toEqual(['accounts']);
    // On its own topic, an event for the other organisation's instance is not read.
    await send(assignment(SANDBOX.instanceArn), 'prod');
    expect(requested.prod).toEqual([]);
  });

  it('counts an event on a topic no organisation listens on', async () => {
    const { stats, send } = setUp({ prod: 'prod', sandbox: 'sandbox' });
    await send(assignment(PROD.instanceArn), 'elsewhere');
    expect(stats.toStatus().eventsIgnored).toEqual({ otherInstance: 1 });
  });

  it("keeps routing the other organisations' events while one's instance cannot be looked up", async () => {
    const { requested, stats, send } = setUp(
      { prod: 'aws', sandbox: 'aws' },
      async () => {
        throw new Error('AccessDeniedException: ListInstances');
      },
    );
    await send(assignment(PROD.instanceArn));
    expect(requested.prod.map(t => t.kind)).toEqual(['principal']);
    // An event no reachable organisation claims may be the unreachable one's: an error.
    await send(assignment(SANDBOX.instanceArn));
    expect(stats.toStatus().eventsIgnored).toEqual({ error: 1 });
  });
});
