import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect, type NatsConnection } from 'nats';
import { Client } from 'pg';
import { VerifyClient, type VerifyOptions } from '@keyward/client';
import { metricsPortVariable, OPS_SERVICES } from '@keyward/config';
import type { VerifyAnswer } from '@keyward/contracts';
import { generateKeySecret } from '@keyward/domain';
import { keywardUnits, readSupervisorStatus, startSupervisor, stopSupervisor, type SupervisorStatus } from '@keyward/supervisor';
import { createTestDatabase, freePort, requireEnv, type TestDatabase } from '@keyward/testing';
import { jsonLines } from './ops-endpoints';
import { OpenApiConformance, type OpenApiDocument } from './openapi-conformance';

const ROOT = path.resolve(__dirname, '../../../..');
type Service = 'gateway' | 'key-command' | 'projector' | 'verifier' | 'webhook-sender' | 'example-calls-service';

export interface ApiResponse<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * The four built services as separate processes, on the test run's real PostgreSQL and NATS,
 * with a database, data folder, pepper and root key of their own. Everything they print is kept
 * so tests can scan it for secrets. `supervised: true` runs them as `npm start` does, under the
 * supervisor (libs/supervisor), which restarts them; their output is then in the data folder's logs.
 */
export class KeywardStack {
  private readonly processes = new Map<ChildProcess, Service>();
  private output = '';
  private supervised = false;
  private readonly outputs = new Map<ChildProcess, string>();
  private conformance?: OpenApiConformance;
  readonly rootKey = `kwroot_${randomBytes(32).toString('base64url')}`;
  private constructor(
    readonly database: TestDatabase,
    readonly baseUrl: string,
    private readonly env: NodeJS.ProcessEnv,
    readonly nats: NatsConnection,
    readonly dataDir: string,
  ) {}

  /**
   * `databaseUrl` / `natsUrl`: servers of the test's own instead of the test run's (a fault test
   * stops them). `env`: variables every service gets on top of the stack's own.
   */
  static async start(options: { verifiers?: number; supervised?: boolean; databaseUrl?: string; natsUrl?: string; env?: NodeJS.ProcessEnv } = {}): Promise<KeywardStack> {
    const database = await createTestDatabase(options.databaseUrl);
    const port = await freePort();
    const natsUrl = options.natsUrl ?? requireEnv('NATS_URL');
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'keyward-e2e-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: database.url,
      NATS_URL: natsUrl,
      GATEWAY_PORT: String(port),
      KEYWARD_DATA_DIR: dataDir,
      KEYWARD_PEPPER: randomBytes(32).toString('base64url'),
      // Any free port for each service's /metrics and /health, logged as `opsPort` at start.
      ...Object.fromEntries(OPS_SERVICES.map((service) => [metricsPortVariable(service), '0'])),
      ...options.env,
    };
    const stack = new KeywardStack(database, `http://127.0.0.1:${port}`, env, await connect({ servers: natsUrl }), dataDir);
    stack.env.KEYWARD_ROOT_KEY = stack.rootKey;
    if (options.supervised) {
      stack.supervised = true;
      await startSupervisor({ dataDir: stack.dataDir, units: keywardUnits(ROOT, { verifiers: options.verifiers }), env: stack.env, cwd: ROOT });
    } else {
      stack.spawn('key-command');
      stack.spawn('projector');
      for (let i = 0; i < (options.verifiers ?? 1); i++) stack.spawn('verifier');
      stack.spawn('webhook-sender');
      stack.spawn('gateway');
    }
    try {
      await stack.waitUntilReady();
      stack.conformance = new OpenApiConformance(await stack.openApiDocument());
    } catch (error) {
      // The caller gets no stack to stop: what was started must not outlive the test.
      await stack.stop();
      throw error;
    }
    return stack;
  }

  /** The gateway's OpenAPI document; anything else (another process on the port?) is said plainly. */
  private async openApiDocument(): Promise<OpenApiDocument> {
    const response = await fetch(`${this.baseUrl}/docs-json`);
    const text = await response.text();
    const document = (response.ok ? JSON.parse(text) : undefined) as OpenApiDocument | undefined;
    if (!document?.paths) throw new Error(`${this.baseUrl}/docs-json answered ${response.status}, not an OpenAPI document: ${text.slice(0, 300)}`);
    return document;
  }

  spawn(service: Service, env: NodeJS.ProcessEnv = {}): ChildProcess {
    const child = spawn(process.execPath, [path.join(ROOT, 'apps', service, 'dist/main.js')], { env: { ...this.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer): void => {
      this.output += chunk.toString('utf8');
      this.outputs.set(child, (this.outputs.get(child) ?? '') + chunk.toString('utf8'));
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.processes.set(child, service);
    child.once('exit', () => this.processes.delete(child));
    return child;
  }

  /** Everything every service printed so far (and, supervised, the supervisor). */
  get logs(): string {
    const logs = path.join(this.dataDir, 'logs');
    if (!this.supervised || !existsSync(logs)) return this.output;
    return this.output + readdirSync(logs).map((file) => readFileSync(path.join(logs, file), 'utf8')).join('');
  }

  /** Supervised: what the supervisor last wrote to its status file (pids, restarts, crash loops). */
  supervisorStatus(): SupervisorStatus | undefined {
    return readSupervisorStatus(this.dataDir);
  }

  /** What one process printed so far, whole lines unmixed with the others'. */
  logsOf(child: ChildProcess): string {
    return this.outputs.get(child) ?? '';
  }

  /** The services' HMAC pepper, for scanning output for it. */
  get pepper(): string {
    return this.env.KEYWARD_PEPPER ?? '';
  }

  running(service: Service): ChildProcess[] {
    return [...this.processes].filter(([, s]) => s === service).map(([p]) => p);
  }

  /** One statement on the stack's own database, on a connection of its own: what a test reads or ages behind the services. */
  async sql<Row = Record<string, unknown>>(text: string, values: readonly unknown[] = []): Promise<Row[]> {
    const client = new Client({ connectionString: this.database.url });
    await client.connect();
    try {
      return (await client.query(text, [...values])).rows as Row[];
    } finally {
      await client.end();
    }
  }

  async api<T = Record<string, unknown>>(
    method: string,
    route: string,
    body?: unknown,
    token: string | null = this.rootKey,
    extraHeaders: Readonly<Record<string, string>> = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...extraHeaders };
    if (token !== null) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${route}`, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    this.openApi.check({ method, target: route, status: response.status, headers: Object.fromEntries(response.headers), body: text });
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
  }

  /** Checks answers against the gateway's OpenAPI document: every answer `api` gets, and any a test got another way. */
  get openApi(): OpenApiConformance {
    if (!this.conformance) throw new Error('the stack has not started');
    return this.conformance;
  }

  verify(key: string, require?: string | string[], options?: VerifyOptions): Promise<VerifyAnswer> {
    return new VerifyClient(this.nats).verify(key, require, options);
  }

  /**
   * Ready when the gateway is healthy, a verifier answers from a caught-up index, and every
   * key-command this stack spawned is healthy: the gateway's health does not cover key-command,
   * and a test's first write must not depend on an earlier test having waited for it.
   */
  async waitUntilReady(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const health = await fetch(`${this.baseUrl}/health`).catch(() => undefined);
      const probe = await this.verify(generateKeySecret('live')).catch(() => undefined);
      if (health?.status === 200 && probe && probe.code !== 'UNAVAILABLE' && (await this.healthy(this.running('key-command')))) return;
      await sleep(200);
    }
    throw new Error(`the services did not become ready in ${timeoutMs} ms:\n${this.output.slice(-4_000)}`);
  }

  /** Until each of `children` answers 200 on its /health (bounded). */
  async waitUntilHealthy(children: readonly ChildProcess[], timeoutMs = 30_000): Promise<void> {
    for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(200)) if (await this.healthy(children)) return;
    throw new Error(`not healthy within ${timeoutMs} ms`);
  }

  /** Whether each process has logged its ops port and answers 200 on /health there. */
  private async healthy(children: readonly ChildProcess[]): Promise<boolean> {
    for (const child of children) {
      const output = this.logsOf(child);
      let port: number | undefined;
      try {
        port = jsonLines(output.slice(0, output.lastIndexOf('\n') + 1)).find((line) => typeof line.opsPort === 'number')?.opsPort;
      } catch {
        return false; // a line still being written, or printed before the logger took over
      }
      const health = port === undefined ? undefined : await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined);
      if (health?.status !== 200) return false;
    }
    return true;
  }

  async stopService(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(5_000).then(() => child.kill('SIGKILL'))]);
  }

  async stop(): Promise<void> {
    if (this.supervised) await stopSupervisor(this.dataDir);
    await Promise.all([...this.processes.keys()].map((p) => this.stopService(p)));
    await this.nats.drain();
    await this.database.drop();
  }
}
