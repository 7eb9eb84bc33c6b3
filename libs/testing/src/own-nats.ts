import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect } from 'nats';
import { freePort } from './free-port';

/** The nats-server `npm test` uses (infra/scripts/lib/nats.js installs or finds it). */
const binary = (): string => {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/bin', '/usr/local/bin'];
  const found = dirs.map((d) => path.join(d, 'nats-server')).find((p) => existsSync(p));
  if (!found) throw new Error('nats-server is not installed: run the tests with "npm test", which installs it');
  return found;
};

const answers = async (url: string): Promise<boolean> => {
  try {
    const nc = await connect({ servers: url, timeout: 1_000, reconnect: false });
    await nc.close();
    return true;
  } catch {
    return false;
  }
};

/**
 * A nats-server of one test's own on a free port, which the test may stop and start again on the
 * same port without touching the bus other tests use. With `jetStream`, JetStream keeps its store
 * in a folder of its own across restarts (the usage stream lives there).
 */
export class OwnNats {
  private server: ChildProcess | undefined;

  private constructor(
    private readonly port: number,
    private readonly store?: string,
  ) {}

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  static async start(options: { jetStream?: boolean } = {}): Promise<OwnNats> {
    const nats = new OwnNats(await freePort(), options.jetStream ? mkdtempSync(path.join(os.tmpdir(), 'keyward-nats-')) : undefined);
    await nats.startAgain();
    return nats;
  }

  /** Starts the server and resolves once it accepts connections (within 15 s). */
  async startAgain(): Promise<void> {
    const store = this.store ? ['-js', '-sd', this.store] : [];
    const server = spawn(binary(), ['-a', '127.0.0.1', '-p', String(this.port), ...store], { stdio: 'ignore' });
    this.server = server;
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
      if (server.exitCode !== null) throw new Error(`nats-server exited with code ${server.exitCode}`);
      if (await answers(this.url)) return;
    }
    throw new Error(`nats-server did not start on port ${this.port}`);
  }

  /** Stops the server at once (SIGKILL: every client loses its connection with no goodbye), or with SIGTERM as an operator would. */
  async stop(signal: 'SIGKILL' | 'SIGTERM' = 'SIGKILL'): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server || server.exitCode !== null) return;
    const exited = new Promise((r) => server.once('exit', r));
    server.kill(signal);
    await exited;
  }

  /** Stops the server and removes its JetStream store. */
  async destroy(): Promise<void> {
    await this.stop();
    if (this.store) rmSync(this.store, { recursive: true, force: true });
  }
}
