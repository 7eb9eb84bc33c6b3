import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { connect, JSONCodec, type NatsConnection } from 'nats';
import { Subjects, type FollowerProgress } from '@keyward/contracts';
import { freePort } from '@keyward/testing';
import { sql, withDatabase } from './bench-database';
import { ROOT } from './bench-env';

export type BenchService = 'gateway' | 'key-command' | 'projector' | 'verifier' | 'webhook-sender';

interface InfraLib {
  infraUp(dataDir: string): Promise<{ databaseUrl: string; natsUrl: string; started: InfraStarted }>;
  infraDown(dataDir: string, only: InfraStarted): Promise<string[]>;
  serverPidFiles(dataDir: string): { readonly postgres: string; readonly nats: string };
}
interface InfraStarted {
  readonly postgres: boolean;
  readonly nats: boolean;
}
// The scripts `npm run infra:up` uses: the same embedded PostgreSQL and nats-server, on the ports in the environment.
const infraLib = (): InfraLib => require(path.join(ROOT, 'infra/scripts/lib/infra.js')) as InfraLib;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The pid on a pid file's first line (PostgreSQL's `postmaster.pid` has more lines), if it is one. */
const pidIn = (file: string): number | undefined => {
  const pid = existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : NaN;
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
};

/**
 * The nats-server process of the pid file `npm run infra:up` keeps under `dataDir`, if it still
 * runs; undefined when there is none (a server this machine's scripts did not start, a stale file).
 */
export const natsServerPid = (dataDir: string): number | undefined => {
  const pid = pidIn(infraLib().serverPidFiles(dataDir).nats);
  if (pid === undefined) return undefined;
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'nats-server' ? pid : undefined;
  } catch {
    return undefined;
  }
};

/** The processes whose parent is `pid` (PostgreSQL's backends, under its postmaster). */
const childrenOf = (pid: number): number[] =>
  readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false; // exited meanwhile
      }
    })
    .map(Number);

/** PostgreSQL and NATS for the benchmark, started under its own data folder when not running, and stopped again if it started them. */
export class BenchInfra {
  private constructor(
    readonly databaseUrl: string,
    readonly natsUrl: string,
    private readonly dataDir: string,
    private readonly started: InfraStarted,
  ) {}

  static async up(dataDir: string): Promise<BenchInfra> {
    const { databaseUrl, natsUrl, started } = await infraLib().infraUp(dataDir);
    return new BenchInfra(databaseUrl, natsUrl, dataDir, started);
  }

  /** PostgreSQL's postmaster and backends, and nats-server, when they run under this data folder. */
  pids(): { postgres: number[]; nats: number[] } {
    const postmaster = pidIn(infraLib().serverPidFiles(this.dataDir).postgres);
    const nats = natsServerPid(this.dataDir);
    return { postgres: postmaster ? [postmaster, ...childrenOf(postmaster)] : [], nats: nats ? [nats] : [] };
  }

  async down(): Promise<void> {
    await infraLib().infraDown(this.dataDir, this.started);
  }
}

export interface StackOptions {
  readonly verifiers: number;
  readonly dataDir: string;
  /** The checkout whose built services run: this one, or another build to compare with. */
  readonly root: string;
  /** Each service writes a V8 CPU profile there when it exits. */
  readonly cpuProfileDir?: string;
  /** Runs the webhook sender too (bench:webhooks). */
  readonly webhookSender?: boolean;
}

/** The four built services as processes, on a database of their own, with a root key. */
export class BenchStack {
  readonly rootKey = `kwroot_${randomBytes(32).toString('base64url')}`;
  readonly processes = new Map<ChildProcess, BenchService>();

  private constructor(
    readonly baseUrl: URL,
    readonly nats: NatsConnection,
    private readonly adminUrl: string,
    private readonly database: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly options: StackOptions,
  ) {}

  /** The stack's own database: its event store, read models and hash chain. */
  get databaseUrl(): string {
    return withDatabase(this.adminUrl, this.database);
  }

  static async start(infra: BenchInfra, options: StackOptions): Promise<BenchStack> {
    const { verifiers, dataDir } = options;
    const database = `keyward_bench_writes_${Date.now()}`;
    await sql(infra.databaseUrl, `CREATE DATABASE ${database}`);
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: withDatabase(infra.databaseUrl, database),
      NATS_URL: infra.natsUrl,
      GATEWAY_PORT: String(port),
      KEYWARD_DATA_DIR: dataDir,
      KEYWARD_PEPPER: randomBytes(32).toString('base64url'),
      KEYWARD_KEY_COMMAND_METRICS_PORT: '0',
      KEYWARD_PROJECTOR_METRICS_PORT: '0',
      KEYWARD_VERIFIER_METRICS_PORT: '0',
      KEYWARD_WEBHOOK_SENDER_METRICS_PORT: '0',
      LOG_LEVEL: 'warn',
    };
    const stack = new BenchStack(new URL(`http://127.0.0.1:${port}`), await connect({ servers: infra.natsUrl, name: 'keyward-bench-writes' }), infra.databaseUrl, database, env, options);
    stack.env.KEYWARD_ROOT_KEY = stack.rootKey;
    try {
      const followers = stack.watchFollowers();
      stack.spawn('key-command');
      stack.spawn('projector');
      for (let i = 0; i < verifiers; i++) stack.spawn('verifier');
      if (options.webhookSender) stack.spawn('webhook-sender');
      stack.spawn('gateway');
      await stack.waitUntilReady(followers, verifiers);
    } catch (error) {
      await stack.stop();
      throw error;
    }
    return stack;
  }

  private spawn(service: BenchService): void {
    const { cpuProfileDir, root } = this.options;
    const profile = cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`, `--cpu-prof-name=${service}-${Date.now()}-${this.processes.size}.cpuprofile`] : [];
    const child = spawn(process.execPath, [...profile, path.join(root, 'apps', service, 'dist/main.js')], { env: this.env, stdio: ['ignore', 'ignore', 'inherit'] });
    this.processes.set(child, service);
  }

  /** The ids of caught-up followers of each kind, as they announce themselves. */
  private watchFollowers(): Map<string, FollowerProgress> {
    const seen = new Map<string, FollowerProgress>();
    const codec = JSONCodec<FollowerProgress>();
    this.nats.subscribe(Subjects.followerProgress, {
      callback: (error, msg) => {
        if (error) return;
        const progress = codec.decode(msg.data);
        seen.set(progress.followerId, progress);
      },
    });
    return seen;
  }

  /** Every verifier and the projector caught up, the gateway healthy, and a first write answered (key-command is up). */
  private async waitUntilReady(followers: Map<string, FollowerProgress>, verifiers: number): Promise<void> {
    const deadline = Date.now() + 60_000;
    const caughtUp = (kind: FollowerProgress['kind']): number => [...followers.values()].filter((f) => f.kind === kind && f.caughtUp).length;
    while (Date.now() < deadline) {
      for (const [child, service] of this.processes) if (child.exitCode !== null) throw new Error(`${service} exited with ${child.exitCode} while starting`);
      const health = await fetch(new URL('/health', this.baseUrl)).catch(() => undefined);
      if (health?.status === 200 && caughtUp('verifier') >= verifiers && caughtUp('projector') >= 1) {
        const created = await fetch(new URL('/v1/keys', this.baseUrl), {
          method: 'POST',
          headers: { authorization: `Bearer ${this.rootKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'bench readiness' }),
        });
        if (created.status === 201) return;
      }
      await sleep(250);
    }
    throw new Error('the services did not become ready within 60 s');
  }

  pids(service: BenchService): number[] {
    return [...this.processes].filter(([child, s]) => s === service && child.pid !== undefined).map(([child]) => child.pid ?? 0);
  }

  /** Stops every service (SIGTERM, SIGKILL after 5 s), waits for each exit, and drops the database. */
  async stop(): Promise<void> {
    await Promise.all(
      [...this.processes.keys()].map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }),
    );
    await this.nats.drain();
    await sql(this.adminUrl, `DROP DATABASE IF EXISTS ${this.database} WITH (FORCE)`);
  }
}
