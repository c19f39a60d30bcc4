import {
  ServiceRequest,
  SignInServices,
  expectedSignature,
  signInHosts,
} from './SignInServices';
import { ssoTokenCacheEntry, ssoTokenCachePath } from './ssoTokenCache';

describe('expectedSignature', () => {
  it('computes the signature of the "get-vanilla" example of the Signature Version 4 test suite', () => {
    const request: ServiceRequest = {
      host: 'example.amazonaws.com',
      method: 'GET',
      path: '/',
      headers: {
        host: 'example.amazonaws.com',
        'x-amz-date': '20150830T123600Z',
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=x',
      },
      body: '',
    };
    expect(
      expectedSignature(request, 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'),
    ).toBe('5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31');
  });
});

describe('SignInServices', () => {
  const platform = { account: '318204556071', role: 'PowerUserAccess' };
  const services = () =>
    new SignInServices((a, r) => a === platform.account && r === platform.role);

  function getRoleCredentials(
    s: SignInServices,
    token: string,
    {
      region = 'eu-north-1',
      account = platform.account,
      role = platform.role,
    } = {},
  ) {
    return s.answer({
      host: `portal.sso.${region}.amazonaws.com`,
      method: 'GET',
      path: `/federation/credentials?role_name=${role}&account_id=${account}`,
      headers: { 'x-amz-sso_bearer_token': token },
      body: '',
    });
  }

  /** GetCallerIdentity as AWS CLI v2 sends it, signed with `secret`. */
  function getCallerIdentity(
    s: SignInServices,
    credentials: { accessKeyId: string; sessionToken: string },
    secret: string,
    region = 'eu-north-1',
  ) {
    const host = `sts.${region}.amazonaws.com`;
    const request: ServiceRequest = {
      host,
      method: 'POST',
      path: '/',
      headers: {
        host,
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        'x-amz-date': '20261130T120000Z',
        'x-amz-security-token': credentials.sessionToken,
      },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    };
    request.headers.authorization = `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/20261130/${region}/sts/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, Signature=x`;
    const signature = expectedSignature(request, secret);
    request.headers.authorization = request.headers.authorization.replace(
      'Signature=x',
      `Signature=${signature}`,
    );
    return s.answer(request);
  }

  it('trades an access token it issued for role credentials, which STS names the account of', () => {
    const s = services();
    const token = s.issueAccessToken('eu-north-1');
    const portal = getRoleCredentials(s, token);
    expect(portal.status).toBe(200);
    const { roleCredentials } = JSON.parse(portal.body);
    expect(roleCredentials).toEqual({
      accessKeyId: expect.stringMatching(/^ASIA[A-Z0-9]{16}$/),
      secretAccessKey: expect.any(String),
      sessionToken: expect.any(String),
      expiration: expect.any(Number),
    });
    expect(roleCredentials.expiration).toBeGreaterThan(Date.now());

    const sts = getCallerIdentity(
      s,
      roleCredentials,
      roleCredentials.secretAccessKey,
    );
    expect(sts.status).toBe(200);
    expect(sts.body).toContain('<Account>318204556071</Account>');
    expect(sts.body).toContain(
      '<Arn>arn:aws:sts::318204556071:assumed-role/AWSReservedSSO_PowerUserAccess_',
    );
    expect(s.calls).toEqual([
      {
        host: 'portal.sso.eu-north-1.amazonaws.com',
        operation: 'GetRoleCredentials',
        status: 200,
      },
      {
        host: 'sts.eu-north-1.amazonaws.com',
        operation: 'GetCallerIdentity',
        status: 200,
      },
    ]);
    expect(s.unexpected).toEqual([]);
  });

  it("refuses a token it did not issue, or one of another region's portal", () => {
    const s = services();
    const token = s.issueAccessToken('eu-north-1');
    for (const answer of [
      getRoleCredentials(s, 'someone-elses-token'),
      getRoleCredentials(s, token, { region: 'us-east-1' }),
    ]) {
      expect(answer.status).toBe(401);
      expect(answer.headers['x-amzn-errortype']).toBe('UnauthorizedException');
    }
  });

  it('gives no credentials for a role the user does not hold, until they hold it', () => {
    const s = services();
    const token = s.issueAccessToken('eu-north-1');
    const other = { role: 'ReadOnlyAccess' };
    const refused = getRoleCredentials(s, token, other);
    expect(refused.status).toBe(403);
    expect(refused.headers['x-amzn-errortype']).toBe('ForbiddenException');
    expect(JSON.parse(refused.body)).toEqual({ message: 'No access' });

    s.holds = () => true;
    expect(getRoleCredentials(s, token, other).status).toBe(200);
  });

  it('refuses credentials it did not issue, another session token and a wrong signature', () => {
    const s = services();
    const { roleCredentials } = JSON.parse(
      getRoleCredentials(s, s.issueAccessToken('eu-north-1')).body,
    );
    const code = (body: string) => /<Code>(\w+)<\/Code>/.exec(body)?.[1];
    const unknownKey = getCallerIdentity(
      s,
      { ...roleCredentials, accessKeyId: 'ASIAUNKNOWN000000000' },
      roleCredentials.secretAccessKey,
    );
    const otherToken = getCallerIdentity(
      s,
      { ...roleCredentials, sessionToken: 'other' },
      roleCredentials.secretAccessKey,
    );
    const wrongSecret = getCallerIdentity(s, roleCredentials, 'not-the-secret');
    expect(
      [unknownKey, otherToken, wrongSecret].map(
        a => `${a.status} ${code(a.body)}`,
      ),
    ).toEqual([
      '403 InvalidClientTokenId',
      '403 InvalidClientTokenId',
      '403 SignatureDoesNotMatch',
    ]);
  });

  it('records what it does not fake', () => {
    const s = services();
    const answer = s.answer({
      host: 'portal.sso.eu-north-1.amazonaws.com',
      method: 'GET',
      path: '/assignment/roles?account_id=1',
      headers: {},
      body: '',
    });
    expect(answer.status).toBe(404);
    expect(s.unexpected).toEqual([
      'portal.sso.eu-north-1.amazonaws.com: GET /assignment/roles',
    ]);
  });

  it('serves the portal of every region and STS regional and global endpoints', () => {
    expect(signInHosts(['eu-north-1', 'us-east-1'])).toEqual([
      'portal.sso.eu-north-1.amazonaws.com',
      'sts.eu-north-1.amazonaws.com',
      'portal.sso.us-east-1.amazonaws.com',
      'sts.us-east-1.amazonaws.com',
      'sts.amazonaws.com',
    ]);
  });
});

describe('the SSO token cache', () => {
  const sikt = {
    sessionName: 'sikt',
    startUrl: 'https://d-c3670fd13e.awsapps.com/start',
    region: 'eu-north-1',
  };

  it('names the file by the SHA-1 of the session name, or of the start URL without a session', () => {
    // printf sikt | sha1sum
    expect(ssoTokenCachePath('/home/u', sikt)).toBe(
      '/home/u/.aws/sso/cache/b9dcc9b109baae823bc37a4ccd086d62182830f4.json',
    );
    const { sessionName, ...legacy } = sikt;
    expect(ssoTokenCachePath('/home/u', legacy)).toBe(
      '/home/u/.aws/sso/cache/887a6cffd61c166e22f5d0bb7f15a129561edaa5.json',
    );
  });

  it('writes what the CLI reads: the token, its start URL and region, and an expiry in whole seconds', () => {
    expect(
      ssoTokenCacheEntry(sikt, 'tok', new Date('2026-11-30T12:00:00.123Z')),
    ).toEqual({
      startUrl: 'https://d-c3670fd13e.awsapps.com/start',
      region: 'eu-north-1',
      accessToken: 'tok',
      expiresAt: '2026-11-30T12:00:00Z',
    });
  });
});
