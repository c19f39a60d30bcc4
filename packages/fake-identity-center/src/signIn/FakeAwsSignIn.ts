import http from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import tls from 'node:tls';
import {
  HoldsRole,
  SignInCall,
  SignInServices,
  signInHosts,
} from './SignInServices';
import { SsoSignIn, writeSsoTokenCache } from './ssoTokenCache';
import { createTestCertificates } from './testCertificates';

export interface FakeAwsSignInOptions {
  /**
   * Every region the CLI will reach: the `sso_region` of each session (the portal) and
   * the `region` of each profile it calls STS with.
   */
  regions: string[];
  /** Whether the user holds a role in an account; may be replaced while it runs. */
  holds: HoldsRole;
}

/**
 * A signed-in AWS CLI v2 on a test machine, with nothing faked in the CLI: an HTTPS proxy
 * on 127.0.0.1 that the CLI reaches through `HTTPS_PROXY`, and that decrypts with a
 * certificate of a throwaway CA the CLI trusts through `AWS_CA_BUNDLE`. Behind it, the
 * Identity Center portal and STS ({@link SignInServices}); any other host is refused.
 * {@link FakeAwsSignIn.login} caches an access token in a home folder as
 * `aws sso login` does. Works with AWS CLI 2.9, which has no `AWS_ENDPOINT_URL`.
 *
 * The proxy answers from the event loop of the process that started it: run the CLI
 * with `spawn` or `execFile`, never `spawnSync` or `execFileSync`, which would wait for
 * an answer the blocked loop cannot give.
 */
export class FakeAwsSignIn {
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly proxy: http.Server,
    private readonly services: SignInServices,
    private readonly caFile: string,
    private readonly regions: string[],
  ) {}

  /** Makes the certificates (three `openssl` runs, some 50 ms) and listens. */
  static async start(options: FakeAwsSignInOptions): Promise<FakeAwsSignIn> {
    const hosts = signInHosts(options.regions);
    const certificates = await createTestCertificates(hosts);
    const secureContext = tls.createSecureContext({
      key: certificates.key,
      cert: certificates.cert,
    });
    const services = new SignInServices(options.holds);
    const hostOf = new WeakMap<Socket, string>();
    const decrypted = http.createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const answer = services.answer({
        host: hostOf.get(req.socket) ?? '',
        method: req.method ?? '',
        path: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      res.writeHead(answer.status, answer.headers).end(answer.body);
    });
    const proxy = http.createServer();
    const fake = new FakeAwsSignIn(
      proxy,
      services,
      certificates.caFile,
      options.regions,
    );
    const allowed = new Set(hosts);
    proxy.on('connect', (req: http.IncomingMessage, socket: Socket, head) => {
      fake.track(socket);
      const [host, port] = (req.url ?? '').split(':');
      if (!allowed.has(host) || port !== '443') {
        services.unexpected.push(`${req.url}: CONNECT refused`);
        socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
        return;
      }
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) socket.unshift(head);
      const secure = new tls.TLSSocket(socket, {
        isServer: true,
        secureContext,
      });
      hostOf.set(secure, host);
      fake.track(secure);
      decrypted.emit('connection', secure);
    });
    // A proxy is asked for plain HTTP URLs directly (e.g. the EC2 metadata service).
    proxy.on('request', (req, res) => {
      services.unexpected.push(`${req.url}: plain HTTP refused`);
      res.writeHead(403).end();
    });
    await new Promise<void>(resolve => proxy.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /**
   * The variables that send a CLI through this proxy, for its environment. Both spellings
   * of the proxy variables, so that none of the machine's own applies.
   */
  get env(): Record<string, string> {
    const { port } = this.proxy.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}`;
    return {
      HTTPS_PROXY: url,
      https_proxy: url,
      HTTP_PROXY: url,
      http_proxy: url,
      NO_PROXY: '',
      no_proxy: '',
      AWS_CA_BUNDLE: this.caFile,
    };
  }

  get holds(): HoldsRole {
    return this.services.holds;
  }

  set holds(holds: HoldsRole) {
    this.services.holds = holds;
  }

  /** Every request the portal and STS answered, in order. */
  get calls(): ReadonlyArray<SignInCall> {
    return this.services.calls;
  }

  /** What the CLI asked for beyond the portal and STS; a test expects none. */
  get unexpected(): ReadonlyArray<string> {
    return this.services.unexpected;
  }

  /**
   * Signs the user of `home` in, as `aws sso login` would: an access token the portal
   * accepts, valid for eight hours unless `expiresAt` says otherwise, in the home's SSO
   * token cache. Returns the cache file.
   */
  login(home: string, signIn: SsoSignIn, expiresAt?: Date): string {
    if (!this.regions.includes(signIn.region)) {
      throw new Error(
        `The fake sign-in was started for ${this.regions.join(', ')}, not '${
          signIn.region
        }'`,
      );
    }
    return writeSsoTokenCache(
      home,
      signIn,
      this.services.issueAccessToken(signIn.region),
      expiresAt ?? new Date(Date.now() + 8 * 60 * 60 * 1000),
    );
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    this.proxy.closeAllConnections();
    await new Promise<void>(resolve => this.proxy.close(() => resolve()));
  }

  private track(socket: Socket) {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    // A client that goes away mid-handshake is not the test's failure.
    socket.on('error', () => socket.destroy());
  }
}
