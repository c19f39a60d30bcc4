/**
 * @jest-environment node
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { FakeAwsSignIn } from './FakeAwsSignIn';

/*
 * Needs the `openssl` command for the certificates. The AWS CLI through this proxy is
 * tested where it is used (the verify script's integration test).
 */
describe('FakeAwsSignIn', () => {
  let fake: FakeAwsSignIn;

  beforeAll(async () => {
    fake = await FakeAwsSignIn.start({
      regions: ['eu-north-1'],
      holds: () => false,
    });
  });

  afterAll(async () => {
    await fake.stop();
  });

  function connect(target: string) {
    const proxy = new URL(fake.env.HTTPS_PROXY);
    return new Promise<{ status?: number; socket: import('node:net').Socket }>(
      (resolve, reject) => {
        http
          .request({
            host: proxy.hostname,
            port: proxy.port,
            method: 'CONNECT',
            path: target,
          })
          .on('connect', (res, socket) =>
            resolve({ status: res.statusCode, socket }),
          )
          .on('error', reject)
          .end();
      },
    );
  }

  it('decrypts with a certificate its CA signed, for the portal and STS only', async () => {
    const host = 'portal.sso.eu-north-1.amazonaws.com';
    const tunnel = await connect(`${host}:443`);
    expect(tunnel.status).toBe(200);
    const secure = tls.connect({
      socket: tunnel.socket,
      servername: host,
      ca: readFileSync(fake.env.AWS_CA_BUNDLE),
    });
    await new Promise((resolve, reject) =>
      secure.once('secureConnect', resolve).once('error', reject),
    );
    secure.write(
      `GET /federation/credentials?role_name=R&account_id=1 HTTP/1.1\r\nHost: ${host}\r\nx-amz-sso_bearer_token: unknown\r\nConnection: close\r\n\r\n`,
    );
    let response = '';
    for await (const chunk of secure) response += chunk;
    expect(response).toMatch(/^HTTP\/1\.1 401 /);
    expect(response).toContain('x-amzn-errortype: UnauthorizedException');

    const other = await connect('s3.eu-north-1.amazonaws.com:443');
    expect(other.status).toBe(403);
    other.socket.destroy();
    const plain = await fetch(
      new URL('/latest/api/token', fake.env.HTTP_PROXY),
    );
    expect(plain.status).toBe(403);
    expect(fake.unexpected).toEqual([
      's3.eu-north-1.amazonaws.com:443: CONNECT refused',
      '/latest/api/token: plain HTTP refused',
    ]);
  });

  it('signs a home in for the regions it serves, and only those', () => {
    const home = mkdtempSync(join(tmpdir(), 'fake-sign-in-'));
    const sikt = {
      sessionName: 'sikt',
      startUrl: 'https://d-c3670fd13e.awsapps.com/start',
      region: 'eu-north-1',
    };
    const cached = JSON.parse(readFileSync(fake.login(home, sikt), 'utf8'));
    expect(cached).toEqual({
      startUrl: sikt.startUrl,
      region: 'eu-north-1',
      accessToken: expect.stringMatching(/^fake-sso-token-/),
      expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
    });
    expect(Date.parse(cached.expiresAt)).toBeGreaterThan(
      Date.now() + 7 * 60 * 60 * 1000,
    );
    expect(() => fake.login(home, { ...sikt, region: 'us-east-1' })).toThrow(
      "The fake sign-in was started for eu-north-1, not 'us-east-1'",
    );
  });
});
