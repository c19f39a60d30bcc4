import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { actionsUnderTest } from '../__testUtils__/actionsUnderTest';
import { recordingAuditor } from '../__testUtils__/recordingAuditor';
import { AuditTrail } from '../audit/AuditTrail';
import { registerAwsAccessActions } from './registerAwsAccessActions';

function auditedActions(options: { denied?: boolean } = {}) {
  const { registry, options: deps } = actionsUnderTest(options);
  const auditor = recordingAuditor();
  const audit = new AuditTrail(
    auditor.create({ auth: deps.auth, httpAuth: mockServices.httpAuth() }),
    deps.auth,
  );
  registerAwsAccessActions(registry, { ...deps, audit });
  return { registry, events: auditor.events };
}

describe('the audit trail of actions', () => {
  it.each([
    [
      'list-aws-access',
      { entityRef: 'group:default/platform' },
      'group:default/platform',
    ],
    ['render-aws-config', { entityRef: 'me' }, 'user:default/ada'],
    ['lookup-aws-account', { query: '333333333333' }, undefined],
  ])(
    'records every call of %s with the caller, the input and the entity',
    async (name, input, entityRef) => {
      const { registry, events } = auditedActions();
      await registry.invoke({
        id: `test:${name}`,
        input,
        credentials: mockCredentials.user('user:default/ada'),
      });
      const meta = { actionName: name, actor: 'user:default/ada', input };
      expect(events).toEqual([
        expect.objectContaining({
          plugin: 'aws-access',
          eventId: 'action',
          severityLevel: 'low',
          status: 'initiated',
          meta,
        }),
        expect.objectContaining({
          eventId: 'action',
          status: 'succeeded',
          meta: { ...meta, ...(entityRef && { entityRef }) },
        }),
      ]);
    },
  );

  it('records a refused call as failed, naming a service caller', async () => {
    const { registry, events } = auditedActions({ denied: true });
    await expect(
      registry.invoke({
        id: 'test:list-aws-access',
        input: { entityRef: 'group:default/platform' },
        credentials: mockCredentials.service('plugin:catalog'),
      }),
    ).rejects.toThrow("permission 'aws-access.read'");
    expect(events.map(e => [e.status, e.meta?.actor])).toEqual([
      ['initiated', 'plugin:catalog'],
      ['failed', 'plugin:catalog'],
    ]);
  });
});
