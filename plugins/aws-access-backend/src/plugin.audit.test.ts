import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { recordingAuditor } from './__testUtils__/recordingAuditor';
import { startAwsAccessBackend } from './__testUtils__/startAwsAccessBackend';

const ADA = 'user:default/ada';

async function startBackend() {
  const auditor = recordingAuditor();
  const server = await startAwsAccessBackend({
    ownershipEntityRefs: [ADA, 'group:default/platform'],
    features: [auditor.factory],
  });
  return { server, events: auditor.events };
}

describe('the audit trail of downloads', () => {
  it.each([
    ['aws-config', '/entities/group/default/platform/aws-config'],
    ['setup-script', '/entities/group/default/platform/setup-script'],
    ['verify-script', '/entities/group/default/platform/verify-script'],
  ])(
    'records a download of the %s with the caller and the entity',
    async (file, path) => {
      const { server, events } = await startBackend();
      await request(server)
        .get(`/api/aws-access${path}`)
        .set('Authorization', mockCredentials.user.header(ADA))
        .expect(200);
      expect(events).toEqual([
        expect.objectContaining({
          plugin: 'aws-access',
          eventId: 'download',
          severityLevel: 'low',
          status: 'initiated',
          actor: expect.objectContaining({ actorId: ADA }),
          request: { method: 'GET', url: `/api/aws-access${path}` },
          meta: { file, entityRef: 'group:default/platform' },
        }),
        expect.objectContaining({
          eventId: 'download',
          status: 'succeeded',
          actor: expect.objectContaining({ actorId: ADA }),
          meta: { file, entityRef: 'group:default/platform' },
        }),
      ]);
    },
  );

  it("records 'me' as asked and the user it resolved to", async () => {
    const { server, events } = await startBackend();
    await request(server)
      .get('/api/aws-access/me/setup-script')
      .set('Authorization', mockCredentials.user.header(ADA))
      .expect(200);
    expect(events.map(e => [e.status, e.actor.actorId, e.meta])).toEqual([
      ['initiated', ADA, { file: 'setup-script', entityRef: 'me' }],
      ['succeeded', ADA, { file: 'setup-script', entityRef: ADA }],
    ]);
  });

  it('records a refused download as failed, with the error', async () => {
    const { server, events } = await startBackend();
    await request(server)
      .get('/api/aws-access/entities/group/default/nobody/aws-config')
      .set('Authorization', mockCredentials.service.header())
      .expect(404);
    expect(events).toEqual([
      expect.objectContaining({ status: 'initiated' }),
      expect.objectContaining({
        eventId: 'download',
        status: 'failed',
        actor: expect.objectContaining({
          actorId: mockCredentials.service().principal.subject,
        }),
        meta: { file: 'aws-config', entityRef: 'group:default/nobody' },
        error: expect.objectContaining({ name: 'NotFoundError' }),
      }),
    ]);
  });

  it('records nothing for reads that are not downloads', async () => {
    const { server, events } = await startBackend();
    await request(server)
      .get('/api/aws-access/entities/group/default/platform/accounts')
      .set('Authorization', mockCredentials.user.header(ADA))
      .expect(200);
    expect(events).toEqual([]);
  });
});
