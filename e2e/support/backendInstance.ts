import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repoRoot = resolve(__dirname, '../..');

/** `yarn start` in the package or repository it runs in, with the given config files. */
const yarnStart = (configArgs: string[]) => ({
  args: [
    join(repoRoot, '.yarn/releases/yarn-4.13.0.cjs'),
    'start',
    ...configArgs,
  ],
});

/** Guest sign-in, which NODE_ENV=production turns off, for the benchmarks' callers. */
const GUEST_IN_PRODUCTION_OVERLAY = `auth:
  providers:
    guest:
      dangerouslyAllowOutsideDevelopment: true
`;

const listenOverlay = (port: number) =>
  `backend:\n  baseUrl: http://localhost:${port}\n  listen: { port: ${port} }\n`;

/**
 * A backend, or the whole portal, started with `yarn start` (or the backend from its
 * production build) and extra config, as its own process group.
 */
export class BackendInstance {
  private constructor(
    readonly baseUrl: string,
    private readonly child: ChildProcess,
    /** Where the process's output goes, for failure messages. */
    readonly logFile: string,
  ) {}

  /**
   * The backend alone (packages/backend) on `port`, with each overlay (a whole YAML
   * document, see backendOverlays.ts) as a config file of its own, later ones winning.
   */
  static start(port: number, ...overlaysYaml: string[]): BackendInstance {
    return BackendInstance.spawn(
      join(repoRoot, 'packages/backend'),
      `http://localhost:${port}`,
      yarnStart,
      [listenOverlay(port), ...overlaysYaml],
    );
  }

  /**
   * The production build of the backend, unpacked in `bundleDir` (see
   * bench/backendBundle.ts), run as Backstage's Dockerfile runs it: `node packages/backend`
   * with NODE_ENV=production, one process. `nodeArgs` go to node (e.g. `--inspect`).
   */
  static startBuilt(
    bundleDir: string,
    port: number,
    nodeArgs: string[],
    ...overlaysYaml: string[]
  ): BackendInstance {
    return BackendInstance.spawn(
      bundleDir,
      `http://localhost:${port}`,
      configs => ({
        args: [...nodeArgs, 'packages/backend', ...configs],
        env: { ...process.env, NODE_ENV: 'production' },
      }),
      [listenOverlay(port), GUEST_IN_PRODUCTION_OVERLAY, ...overlaysYaml],
    );
  }

  /** The whole portal from the repository root: backend on :7007, app on :3000. */
  static startPortal(overlayYaml: string): BackendInstance {
    return BackendInstance.spawn(repoRoot, 'http://localhost:7007', yarnStart, [
      overlayYaml,
    ]);
  }

  /**
   * Starts `command` in `cwd` with app-config.yaml and then each overlay as `--config`
   * arguments, later ones winning.
   */
  private static spawn(
    cwd: string,
    baseUrl: string,
    command: (configArgs: string[]) => {
      args: string[];
      env?: NodeJS.ProcessEnv;
    },
    overlaysYaml: string[],
  ): BackendInstance {
    const dir = mkdtempSync(join(tmpdir(), 'aws-access-backend-'));
    const logFile = join(dir, 'backend.log');
    const overlays = overlaysYaml.map((yaml, i) => {
      const file = join(dir, `config-${i}.yaml`);
      writeFileSync(file, yaml);
      return ['--config', file];
    });
    const { args, env } = command([
      '--config',
      join(repoRoot, 'app-config.yaml'),
      ...overlays.flat(),
    ]);
    const child = spawn(process.execPath, args, {
      cwd,
      env,
      detached: true,
      stdio: ['ignore', openSync(logFile, 'a'), openSync(logFile, 'a')],
    });
    return new BackendInstance(baseUrl, child, logFile);
  }

  /** The id of the process started (for `startBuilt`, the backend itself). */
  get pid(): number {
    return this.child.pid!;
  }

  /** Waits until the plugin's health route answers 200: there is data to serve. */
  waitUntilHealthy(timeoutMs = 180_000) {
    return this.waitForUrl(`${this.baseUrl}/api/aws-access/health`, timeoutMs);
  }

  /** Waits until `url` answers 2xx; on time-out, fails with the end of the log. */
  async waitForUrl(url: string, timeoutMs = 180_000) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const ok = await fetch(url)
        .then(r => r.ok)
        .catch(() => false);
      if (ok) return;
      await new Promise(r => setTimeout(r, 500));
    }
    const tail = readFileSync(this.logFile, 'utf8')
      .split('\n')
      .slice(-30)
      .join('\n');
    throw new Error(`${url} did not answer in time; the log ends:\n${tail}`);
  }

  async guestToken(): Promise<string> {
    const res = await fetch(`${this.baseUrl}/api/auth/guest/refresh`, {
      headers: { 'x-requested-with': 'XMLHttpRequest' },
    });
    const body = (await res.json()) as {
      backstageIdentity?: { token: string };
    };
    if (!body.backstageIdentity) {
      throw new Error(
        `Guest sign-in on ${this.baseUrl} failed: ${JSON.stringify(body)}`,
      );
    }
    return body.backstageIdentity.token;
  }

  /**
   * Shuts the whole process group down as an operator would (SIGTERM), and waits until its
   * port is free so another instance can take over the same database; then SIGKILL for
   * anything left, at the latest after `timeoutMs`.
   */
  async stop(timeoutMs = 30_000) {
    const exited = new Promise<void>(resolveExit => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) {
        resolveExit();
      } else {
        this.child.once('exit', () => resolveExit());
      }
    });
    try {
      process.kill(-this.child.pid!, 'SIGTERM');
    } catch {
      return; // already gone
    }
    const deadline = Date.now() + timeoutMs;
    await Promise.race([exited, new Promise(r => setTimeout(r, timeoutMs))]);
    while (Date.now() < deadline) {
      const listening = await fetch(this.baseUrl)
        .then(() => true)
        .catch(() => false);
      if (!listening) break;
      await new Promise(r => setTimeout(r, 200));
    }
    // Whatever of the group is still there (a watcher, a slow shutdown) goes now.
    this.kill();
  }

  /** Ends the whole process group at once, as a crash or `kill -9` would. */
  kill() {
    try {
      process.kill(-this.child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
