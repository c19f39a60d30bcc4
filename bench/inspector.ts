/*
 * A few calls of the V8 inspector protocol, for a backend started with
 * `--inspect=127.0.0.1:<port>`: its heap use, a full garbage collection, a heap snapshot.
 */
import { createWriteStream, readFileSync } from 'node:fs';

interface Message {
  id?: number;
  method?: string;
  params?: { chunk?: string };
  result?: Record<string, unknown>;
  error?: { message: string };
}

export class Inspector {
  private nextId = 0;
  private readonly waiting = new Map<number, (m: Message) => void>();
  private onEvent?: (m: Message) => void;

  private constructor(private readonly socket: WebSocket) {
    socket.addEventListener('message', event => {
      const message = JSON.parse(String(event.data)) as Message;
      if (message.id !== undefined) {
        this.waiting.get(message.id)?.(message);
        this.waiting.delete(message.id);
      } else {
        this.onEvent?.(message);
      }
    });
  }

  static async connect(port: number): Promise<Inspector> {
    const [target] = (await (
      await fetch(`http://127.0.0.1:${port}/json/list`)
    ).json()) as Array<{ webSocketDebuggerUrl: string }>;
    const socket = new WebSocket(target.webSocketDebuggerUrl);
    await new Promise((resolveOpen, reject) => {
      socket.addEventListener('open', resolveOpen);
      socket.addEventListener('error', reject);
    });
    return new Inspector(socket);
  }

  private async call(method: string): Promise<Record<string, unknown>> {
    const id = ++this.nextId;
    const answer = new Promise<Message>(r => this.waiting.set(id, r));
    this.socket.send(JSON.stringify({ id, method, params: {} }));
    const message = await answer;
    if (message.error) {
      throw new Error(`${method}: ${message.error.message}`);
    }
    return message.result ?? {};
  }

  /** Bytes the JavaScript heap uses now, garbage not yet collected included. */
  async heapUsedBytes(): Promise<number> {
    return (await this.call('Runtime.getHeapUsage')).usedSize as number;
  }

  async collectGarbage(): Promise<void> {
    await this.call('HeapProfiler.collectGarbage');
  }

  /** Writes a heap snapshot to `file` (it collects garbage first, as V8 does). */
  async writeHeapSnapshot(file: string): Promise<void> {
    const out = createWriteStream(file);
    this.onEvent = message => {
      if (message.method === 'HeapProfiler.addHeapSnapshotChunk') {
        out.write(message.params!.chunk!);
      }
    };
    await this.call('HeapProfiler.takeHeapSnapshot');
    this.onEvent = undefined;
    await new Promise(r => out.end(r));
  }

  close(): void {
    this.socket.close();
  }
}

/** The resident memory of a process, in MB (VmRSS of /proc/<pid>/status). */
export function rssMb(pid: number): number {
  return rssKb(pid) / 1024;
}

/** The resident memory of a process, in kB. */
export function rssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
  if (!match) {
    throw new Error(`No VmRSS for process ${pid}`);
  }
  return Number(match[1]);
}
