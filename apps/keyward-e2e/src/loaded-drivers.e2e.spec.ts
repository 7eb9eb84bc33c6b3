import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CreateKeyResult } from '@keyward/contracts';
import { ExampleCallsService } from './support/example-calls-service';
import { KeywardStack } from './support/keyward-stack';

jest.setTimeout(60_000);

/** The drivers and ORMs a service might load; each app must load exactly those it uses. */
const DRIVERS = ['pg', 'typeorm', '@nestjs/typeorm', '@eventstore/db-client'] as const;

/**
 * Each service's entry points pull in only what it uses (package.json `exports` of the libs; the
 * event store's adapter loaded in its branch): with PostgreSQL as the event store, no service loads
 * the EventStoreDB client, and only the services that read the read models load TypeORM.
 */
type Service = Parameters<KeywardStack['running']>[0];
const EXPECTED: ReadonlyArray<readonly [Service, readonly string[]]> = [
  ['gateway', ['pg', 'typeorm']],
  ['key-command', ['pg']],
  ['projector', ['pg', 'typeorm']],
  ['verifier', ['pg']],
  ['webhook-sender', ['pg', 'typeorm']],
  ['example-calls-service', []],
];

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('the drivers each service loads', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'keyward-loaded-'));
  const savedNodeOptions = process.env.NODE_OPTIONS;
  let stack: KeywardStack;

  /** Asks the process for its loaded packages (loaded-packages.hook.js) and reads its answer. */
  const loadedPackages = async (service: Service, child: ChildProcess): Promise<string[]> => {
    const file = path.join(dir, `${service}-${child.pid}.json`);
    child.kill('SIGUSR2');
    for (let attempt = 0; attempt < 100 && !existsSync(file); attempt++) await sleep(50);
    return JSON.parse(readFileSync(file, 'utf8')) as string[];
  };

  beforeAll(async () => {
    // The stack's services inherit this environment: each preloads the hook.
    process.env.NODE_OPTIONS = `${savedNodeOptions ?? ''} --require "${path.join(__dirname, 'support/loaded-packages.hook.js')}"`.trim();
    process.env.KEYWARD_LOADED_PACKAGES_DIR = dir;
    stack = await KeywardStack.start();
    await ExampleCallsService.start(stack);
    // Every path a service takes at run time: a write, the read models, a key's own stream, a verify.
    const created = await stack.api<CreateKeyResult>('POST', '/v1/keys', { name: 'loaded drivers' });
    expect(created.status).toBe(201);
    expect((await stack.api('GET', '/v1/keys')).status).toBe(200);
    expect((await stack.api('GET', `/v1/keys/${created.body.id}`)).status).toBe(200);
    expect((await stack.verify(created.body.key)).code).toBe('VALID');
  });

  afterAll(async () => {
    process.env.NODE_OPTIONS = savedNodeOptions;
    if (savedNodeOptions === undefined) delete process.env.NODE_OPTIONS;
    delete process.env.KEYWARD_LOADED_PACKAGES_DIR;
    await stack?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(EXPECTED)('%s loads exactly %j of the drivers', async (service, expected) => {
    const [child] = stack.running(service);
    expect(child).toBeDefined();
    const packages = await loadedPackages(service, child);
    // The hook saw the framework, so an empty list below means "none loaded", not "hook not run".
    expect(packages).toContain('@nestjs/core');
    expect(DRIVERS.filter((driver) => packages.includes(driver))).toEqual(expected);
  });
});
