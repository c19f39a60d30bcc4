import { createHash, createHmac, randomBytes } from 'node:crypto';

/** One HTTPS request as the proxy decrypted it. */
export interface ServiceRequest {
  /** The host the client connected to (its CONNECT target, without the port). */
  host: string;
  method: string;
  /** Path and query, as sent. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface ServiceAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Whether the signed-in user holds `roleName` in `accountId` (an account assignment). */
export type HoldsRole = (accountId: string, roleName: string) => boolean;

/** What the services did: one entry per request, in order. */
export interface SignInCall {
  host: string;
  operation: string;
  status: number;
}

interface IssuedCredentials {
  accountId: string;
  roleName: string;
  secretAccessKey: string;
  sessionToken: string;
}

const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** The host names of the services, for a certificate and for the proxy's allow list. */
export function signInHosts(regions: string[]): string[] {
  return [
    ...regions.flatMap(r => [
      `portal.sso.${r}.amazonaws.com`,
      `sts.${r}.amazonaws.com`,
    ]),
    'sts.amazonaws.com',
  ];
}

/** `length` random characters: upper-case hex, as in AWS ids, or base64 for secrets. */
function random(length: number, alphabet: 'upper' | 'base64'): string {
  const raw =
    alphabet === 'upper'
      ? randomBytes(length).toString('hex').toUpperCase()
      : randomBytes(length).toString('base64');
  return raw.slice(0, length);
}

function header(request: ServiceRequest, name: string): string {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value ?? '';
}

function json(
  status: number,
  body: unknown,
  errorType?: string,
): ServiceAnswer {
  return {
    status,
    headers: {
      'content-type': 'application/json',
      ...(errorType && { 'x-amzn-errortype': errorType }),
    },
    body: JSON.stringify(body),
  };
}

function xml(status: number, body: string): ServiceAnswer {
  return { status, headers: { 'content-type': 'text/xml' }, body };
}

function stsError(code: string, message: string): ServiceAnswer {
  return xml(
    403,
    `<ErrorResponse xmlns="${STS_NAMESPACE}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${random(
      12,
      'upper',
    )}</RequestId></ErrorResponse>`,
  );
}

const hmac = (key: Buffer | string, data: string) =>
  createHmac('sha256', key).update(data).digest();
const sha256 = (data: string) =>
  createHash('sha256').update(data).digest('hex');

/**
 * The Signature Version 4 signature of `request` with `secretAccessKey`, computed from
 * the parts the Authorization header says were signed; `undefined` if it is malformed.
 */
export function expectedSignature(
  request: ServiceRequest,
  secretAccessKey: string,
): string | undefined {
  const authorization = header(request, 'authorization');
  const credential = /Credential=([^,\s]+)/.exec(authorization)?.[1];
  const signedHeaders = /SignedHeaders=([^,\s]+)/.exec(authorization)?.[1];
  const amzDate = header(request, 'x-amz-date');
  if (!credential || !signedHeaders || !amzDate) return undefined;
  const [, date, region, service, terminator] = credential.split('/');
  if (terminator !== 'aws4_request') return undefined;
  const [path, query = ''] = request.path.split('?');
  const canonicalQuery = query.split('&').filter(Boolean).sort().join('&');
  const names = signedHeaders.split(';');
  const canonicalHeaders = names
    .map(n => `${n}:${header(request, n).trim().replace(/\s+/g, ' ')}\n`)
    .join('');
  const canonicalRequest = [
    request.method,
    path,
    canonicalQuery,
    canonicalHeaders,
    signedHeaders,
    sha256(request.body),
  ].join('\n');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = [
    'AWS4-HMAC-SHA256',
    amzDate,
    scope,
    sha256(canonicalRequest),
  ].join('\n');
  const key = [date, region, service, 'aws4_request'].reduce<Buffer | string>(
    (k, part) => hmac(k, part),
    `AWS4${secretAccessKey}`,
  );
  return hmac(key, stringToSign).toString('hex');
}

/**
 * The two AWS services a signed-in AWS CLI talks to before any other: the IAM Identity
 * Center portal, which trades the cached SSO access token for role credentials
 * (GetRoleCredentials), and STS, which says whose credentials signed a request
 * (GetCallerIdentity). It knows the access tokens it issued and answers with credentials
 * only for the roles {@link SignInServices.holds} grants; anything else is refused and
 * recorded in {@link SignInServices.unexpected}.
 */
export class SignInServices {
  /** Every request answered, in order. */
  readonly calls: SignInCall[] = [];
  /** Requests to hosts or operations these services do not know, as `HOST: what`. */
  readonly unexpected: string[] = [];

  private readonly tokens = new Map<string, { region: string }>();
  private readonly credentials = new Map<string, IssuedCredentials>();

  constructor(public holds: HoldsRole) {}

  /** A new access token the portal of `region` accepts, as `aws sso login` caches it. */
  issueAccessToken(region: string): string {
    const token = `fake-sso-token-${random(24, 'upper')}`;
    this.tokens.set(token, { region });
    return token;
  }

  answer(request: ServiceRequest): ServiceAnswer {
    const portal = /^portal\.sso\.([a-z0-9-]+)\.amazonaws\.com$/.exec(
      request.host,
    );
    const sts = /^sts(?:\.([a-z0-9-]+))?\.amazonaws\.com$/.exec(request.host);
    const url = new URL(request.path, `https://${request.host}`);
    let operation = `${request.method} ${url.pathname}`;
    let answer: ServiceAnswer;
    if (
      portal &&
      request.method === 'GET' &&
      url.pathname === '/federation/credentials'
    ) {
      operation = 'GetRoleCredentials';
      answer = this.getRoleCredentials(request, portal[1], url.searchParams);
    } else if (
      sts &&
      request.method === 'POST' &&
      new URLSearchParams(request.body).get('Action') === 'GetCallerIdentity'
    ) {
      operation = 'GetCallerIdentity';
      answer = this.getCallerIdentity(request, sts[1] ?? 'us-east-1');
    } else {
      this.unexpected.push(`${request.host}: ${operation}`);
      answer = json(404, { message: `${operation} is not faked` });
    }
    this.calls.push({ host: request.host, operation, status: answer.status });
    return answer;
  }

  private getRoleCredentials(
    request: ServiceRequest,
    region: string,
    query: URLSearchParams,
  ): ServiceAnswer {
    const token = this.tokens.get(header(request, 'x-amz-sso_bearer_token'));
    if (!token || token.region !== region) {
      return json(
        401,
        { message: 'Session token not found or invalid' },
        'UnauthorizedException',
      );
    }
    const accountId = query.get('account_id') ?? '';
    const roleName = query.get('role_name') ?? '';
    if (!this.holds(accountId, roleName)) {
      return json(403, { message: 'No access' }, 'ForbiddenException');
    }
    const accessKeyId = `ASIA${random(16, 'upper')}`;
    const issued: IssuedCredentials = {
      accountId,
      roleName,
      secretAccessKey: random(40, 'base64'),
      sessionToken: random(80, 'base64'),
    };
    this.credentials.set(accessKeyId, issued);
    return json(200, {
      roleCredentials: {
        accessKeyId,
        secretAccessKey: issued.secretAccessKey,
        sessionToken: issued.sessionToken,
        expiration: Date.now() + 60 * 60 * 1000,
      },
    });
  }

  private getCallerIdentity(
    request: ServiceRequest,
    region: string,
  ): ServiceAnswer {
    const authorization = header(request, 'authorization');
    const credential = /Credential=([^/,\s]+)\/\d{8}\/([^/]+)\/sts\//.exec(
      authorization,
    );
    const issued = credential && this.credentials.get(credential[1]);
    if (
      !issued ||
      credential[2] !== region ||
      header(request, 'x-amz-security-token') !== issued.sessionToken
    ) {
      return stsError(
        'InvalidClientTokenId',
        'The security token included in the request is invalid.',
      );
    }
    const signature = /Signature=([0-9a-f]+)/.exec(authorization)?.[1];
    if (signature !== expectedSignature(request, issued.secretAccessKey)) {
      return stsError(
        'SignatureDoesNotMatch',
        'The request signature we calculated does not match the signature you provided.',
      );
    }
    const { accountId, roleName } = issued;
    return xml(
      200,
      `<GetCallerIdentityResponse xmlns="${STS_NAMESPACE}"><GetCallerIdentityResult><Arn>arn:aws:sts::${accountId}:assumed-role/AWSReservedSSO_${roleName}_0123456789abcdef/test-user</Arn><UserId>AROAFAKE${accountId}:test-user</UserId><Account>${accountId}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>${random(
        12,
        'upper',
      )}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
    );
  }
}
