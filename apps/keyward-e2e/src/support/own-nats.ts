import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { connect } from 'nats';
import { freePort } from './keyward-stack';

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
 * A nats-server of one test's own on a free port (no JetStream: Keyward uses core NATS), which
 * the test may stop and start again on the same port without touching the bus other tests use.
 */
export class OwnNats {
  private server: ChildProcess | undefined;

  private constructor(private readonly port: number) {}

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<OwnNats> {
    const nats = new OwnNats(await freePort());
    await nats.startAgain();
    return nats;
  }

  /** Starts the server and resolves once it accepts connections (within 15 s). */
  async startAgain(): Promise<void> {
    const server = spawn(binary(), ['-a', '127.0.0.1', '-p', String(this.port)], { stdio: 'ignore' });
    this.server = server;
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
      if (server.exitCode !== null) throw new Error(`nats-server exited with code ${server.exitCode}`);
      if (await answers(this.url)) return;
    }
    throw new Error(`nats-server did not start on port ${this.port}`);
  }

  /** Stops the server at once (SIGKILL: every client loses its connection with no goodbye). */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server || server.exitCode !== null) return;
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGKILL');
    await exited;
  }
}
