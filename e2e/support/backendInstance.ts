import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repoRoot = resolve(__dirname, '../..');

/** A backend (packages/backend) started as its own process group with extra config. */
export class BackendInstance {
  private constructor(
    readonly baseUrl: string,
    private readonly child: ChildProcess,
    /** Where the process's output goes, for failure messages. */
    readonly logFile: string,
  ) {}

  static start(port: number, overlayYaml: string): BackendInstance {
    const dir = mkdtempSync(join(tmpdir(), `aws-access-backend-${port}-`));
    const overlay = join(dir, 'config.yaml');
    const logFile = join(dir, 'backend.log');
    writeFileSync(
      overlay,
      `backend:\n  baseUrl: http://localhost:${port}\n  listen: { port: ${port} }\n${overlayYaml}`,
    );
    const child = spawn(
      process.execPath,
      [
        join(repoRoot, '.yarn/releases/yarn-4.13.0.cjs'),
        'start',
        '--config',
        join(repoRoot, 'app-config.yaml'),
        '--config',
        overlay,
      ],
      {
        cwd: join(repoRoot, 'packages/backend'),
        detached: true,
        stdio: ['ignore', openSync(logFile, 'a'), openSync(logFile, 'a')],
      },
    );
    return new BackendInstance(`http://localhost:${port}`, child, logFile);
  }

  async waitUntilHealthy(timeoutMs = 180_000) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const ok = await fetch(`${this.baseUrl}/api/aws-access/health`)
        .then(r => r.ok)
        .catch(() => false);
      if (ok) return;
      await new Promise(r => setTimeout(r, 500));
    }
    const tail = readFileSync(this.logFile, 'utf8')
      .split('\n')
      .slice(-30)
      .join('\n');
    throw new Error(
      `${this.baseUrl} did not become healthy; its log ends:\n${tail}`,
    );
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

  /** Ends the whole process group at once, as a crash or `kill -9` would. */
  kill() {
    try {
      process.kill(-this.child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
