import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AuditEventPage, ChainReport, CreateKeyResult, KeyAccessView, KeyPage, KeyView, RevokeKeyResult, RotateKeyResult, VerifyAnswer } from '@keyward/contracts';
import { generateKeySecret } from '@keyward/domain';
import { freePort, requireEnv } from '@keyward/testing';
import { forgeEventData } from './support/event-log';
import { cliDataDir, runKeyward, type CliRun } from './support/keyward-cli';
import { KeywardStack } from './support/keyward-stack';
import { leakedSecrets } from './support/secrets';

jest.setTimeout(180_000);

/** Exit codes of `keyward` (apps/cli/src/exit-codes.ts), as a script reads them. */
const OK = 0;
const FAILED = 1;
const USAGE = 2;
const NEGATIVE = 3;
const UNAVAILABLE = 4;

/** `keyward` (product.md section 12) as a person or script runs it, against the services as separate processes. */
describe('the keyward CLI against a running stack', () => {
  let stack: KeywardStack;
  let env: NodeJS.ProcessEnv;
  /** Every secret the test saw, and everything the CLI printed: scanned at the end. */
  const secrets: string[] = [];
  let stderrs = '';
  let stdouts = '';

  const keywardWith = async (extra: NodeJS.ProcessEnv, ...args: string[]): Promise<CliRun> => {
    const run = await runKeyward(args, { ...env, ...extra });
    stderrs += run.stderr;
    stdouts += run.stdout;
    return run;
  };
  const keyward = (...args: string[]): Promise<CliRun> => keywardWith({}, ...args);
  /** A `--json` run that must succeed, its stdout parsed. */
  const json = async <T>(...args: string[]): Promise<T> => {
    const run = await keyward('--json', ...args);
    if (run.code !== OK) throw new Error(`keyward ${args.join(' ')} exited ${run.code}: ${run.stderr}`);
    return JSON.parse(run.stdout) as T;
  };
  const create = async (...args: string[]): Promise<CreateKeyResult> => {
    const created = await json<CreateKeyResult>('keys', 'create', ...args);
    secrets.push(created.key);
    return created;
  };

  beforeAll(async () => {
    stack = await KeywardStack.start();
    secrets.push(stack.rootKey, stack.pepper);
    // No KEYWARD_KEY, no NATS_URL: the CLI finds the root key and NATS in the data folder, as after `npm start`.
    env = { KEYWARD_URL: stack.baseUrl, KEYWARD_DATA_DIR: cliDataDir(stack.rootKey, { natsUrl: requireEnv('NATS_URL'), databaseUrl: stack.database.url }) };
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it.each([
    [[]],
    [['verify']],
    [['keys']],
    [['keys', 'list']],
    [['keys', 'create']],
    [['keys', 'get']],
    [['keys', 'revoke']],
    [['keys', 'disable']],
    [['keys', 'enable']],
    [['keys', 'rotate']],
    [['keys', 'delete']],
    [['keys', 'as-of']],
    [['audit']],
    [['audit', 'events']],
    [['audit', 'history']],
    [['audit', 'verify']],
    [['replay']],
    [['vault']],
    [['vault', 'rotate-master-key']],
  ])('keyward %j --help explains itself and exits 0', async (command) => {
    const run = await keyward(...command, '--help');
    expect(run).toMatchObject({ code: OK, stderr: '' });
    expect(run.stdout).toMatch(/^Usage: keyward/);
  });

  it('creates a key, shows the secret once, and verify answers VALID, then a denial with exit code 3', async () => {
    const people = await keyward('keys', 'create', '--name', 'cli table', '--permission', 'calls=read');
    expect(people.code).toBe(OK);
    const secret = people.stdout.trim().split('\n').at(-1) ?? '';
    secrets.push(secret);
    expect(secret).toMatch(/^kw_live_/);
    expect(people.stderr).toMatch(/shown this once/);

    const key = await create('--name', 'cli json', '--permission', 'calls=read', '--environment', 'test');
    expect(key).toMatchObject({ name: 'cli json', environment: 'test', permissions: { calls: 'read' }, unrestricted: false, key: expect.stringMatching(/^kw_test_/) });

    expect(await json<VerifyAnswer>('verify', key.key, '--require', 'calls:read')).toMatchObject({ valid: true, code: 'VALID', keyId: key.id });
    // Piped in, the key stays out of the process list and shell history.
    const piped = await runKeyward(['--json', 'verify', '-', '--require', 'calls:read'], env, `${key.key}\n`);
    expect([piped.code, (JSON.parse(piped.stdout) as VerifyAnswer).code]).toEqual([OK, 'VALID']);
    const denied = await keyward('--json', 'verify', key.key, '--require', 'calls:write');
    expect(denied.code).toBe(NEGATIVE);
    expect(JSON.parse(denied.stdout)).toMatchObject({ valid: false, code: 'INSUFFICIENT_PERMISSIONS' });
    expect(denied.stderr.trim()).toBe('keyward: not valid: INSUFFICIENT_PERMISSIONS');
    const unknown = await keyward('verify', generateKeySecret('live'));
    expect(unknown.code).toBe(NEGATIVE);
    expect(unknown.stdout).toMatch(/NOT_FOUND/);
  });

  it('lists, gets, rotates, disables, enables, revokes and deletes a key, and shows it as it was', async () => {
    const key = await create('--name', 'cli lifecycle', '--role', 'read-only');
    const created = new Date().toISOString();

    let listed: KeyPage = { items: [], nextCursor: null };
    // The list is a read model: the key is in it once the projector got there (bounded).
    for (let round = 0; round < 50 && !listed.items.some((k) => k.id === key.id); round++, await sleep(200)) {
      listed = await json<KeyPage>('keys', 'list', '--search', 'cli lifecycle');
    }
    expect(listed.items.map((k) => k.id)).toEqual([key.id]);
    const all = await json<KeyPage>('keys', 'list', '--all', '--limit', '1');
    expect(all.nextCursor).toBeNull();
    expect(all.items.length).toBeGreaterThanOrEqual(3);
    expect(new Set(all.items.map((k) => k.id)).size).toBe(all.items.length);
    const table = await keyward('keys', 'list', '--limit', '1');
    expect(table.code).toBe(OK);
    expect(table.stdout).toMatch(/more: --cursor \S+/);

    expect(await json<KeyView>('keys', 'get', key.id)).toMatchObject({ id: key.id, name: 'cli lifecycle', roles: ['read-only'], status: 'active' });
    expect((await keyward('keys', 'get', key.id)).stdout).toContain(key.prefix);

    const rotated = await json<RotateKeyResult>('keys', 'rotate', key.id, '--grace-period', '0');
    secrets.push(rotated.key);
    expect(rotated).toMatchObject({ id: key.id, key: expect.stringMatching(/^kw_live_/) });
    expect((await json<VerifyAnswer>('verify', rotated.key)).code).toBe('VALID');

    expect(await json<KeyView>('keys', 'disable', key.id)).toMatchObject({ id: key.id, enabled: false });
    expect((await keyward('keys', 'get', key.id)).stdout).toMatch(/enabled\s+│\s+no \(disabled/);
    const disabled = await keyward('--json', 'verify', rotated.key);
    expect([disabled.code, (JSON.parse(disabled.stdout) as VerifyAnswer).code]).toEqual([NEGATIVE, 'DISABLED']);
    expect(await json<KeyView>('keys', 'enable', key.id)).toMatchObject({ id: key.id, enabled: true });
    expect((await json<VerifyAnswer>('verify', rotated.key)).code).toBe('VALID');

    expect(await json<RevokeKeyResult>('keys', 'revoke', key.id)).toMatchObject({ id: key.id, status: 'revoked' });
    const again = await keyward('keys', 'revoke', key.id);
    expect(again.code).toBe(FAILED);
    expect(again.stderr).toMatch(/^keyward: KEY_REVOKED: .+\n$/);
    const revoked = await keyward('--json', 'verify', rotated.key);
    expect([revoked.code, (JSON.parse(revoked.stdout) as VerifyAnswer).code]).toEqual([NEGATIVE, 'REVOKED']);

    const then = await json<{ asOf: string; key: KeyView; access: KeyAccessView }>('keys', 'as-of', key.id, created, '--require', 'calls:read');
    expect(then).toMatchObject({ asOf: created, key: { id: key.id, status: 'active', revokedAt: null }, access: { code: 'VALID', require: ['calls:read'] } });
    expect((await keyward('keys', 'as-of', key.id, created)).stdout).toMatch(/verify code\s+│\s+VALID/);
    const refused = await keyward('keys', 'as-of', key.id, created, '--require', 'calls:write');
    expect([refused.code, refused.stderr]).toEqual([NEGATIVE, 'keyward: not valid then: INSUFFICIENT_PERMISSIONS\n']);
    const before = await keyward('keys', 'as-of', key.id, new Date(Date.parse(key.createdAt) - 60_000).toISOString());
    expect(before.code).toBe(FAILED);
    expect(before.stderr).toMatch(/KEY_NOT_FOUND/);

    expect(await json('keys', 'delete', key.id)).toEqual({ id: key.id, deleted: true });
  });

  it("reads the history: the workspace's events, one key's history", async () => {
    const key = await create('--name', 'cli audited');
    await json('keys', 'revoke', key.id);
    const stream = await json<AuditEventPage>('audit', 'events', '--stream', `key-${key.id}`, '--all');
    expect(stream.items.map((e) => e.type)).toEqual(['KeyCreated', 'KeyRevoked']);
    const history = await json<AuditEventPage>('audit', 'history', key.id);
    expect(history.items.map((e) => e.position)).toEqual(stream.items.map((e) => e.position));
    const people = await keyward('audit', 'events', '--type', 'KeyRevoked', '--limit', '1000');
    expect(people.code).toBe(OK);
    expect(people.stdout).toContain(`key-${key.id}`);
  });

  it('fails with one line on stderr and an exit code a script can tell apart', async () => {
    const unknown = await keyward('keys', 'get', randomUUID());
    expect(unknown).toMatchObject({ code: FAILED, stdout: '' });
    expect(unknown.stderr).toMatch(/^keyward: KEY_NOT_FOUND: [^\n]+\n$/);

    const badKey = generateKeySecret('live');
    const unauthenticated = await keywardWith({ KEYWARD_KEY: badKey }, 'keys', 'list');
    expect(unauthenticated.code).toBe(FAILED);
    expect(unauthenticated.stderr).toMatch(/^keyward: UNAUTHENTICATED: [^\n]+\n$/);
    expect(unauthenticated.stderr).not.toContain(badKey);

    const validation = await keyward('keys', 'create', '--name', 'x', '--environment', 'staging');
    expect(validation.code).toBe(FAILED);
    expect(validation.stderr).toMatch(/^keyward: VALIDATION_FAILED: .*environment/);

    const gatewayDown = await keywardWith({ KEYWARD_URL: `http://127.0.0.1:${await freePort()}` }, 'keys', 'list');
    expect(gatewayDown.code).toBe(UNAVAILABLE);
    expect(gatewayDown.stderr).toMatch(/^keyward: unavailable, retry: [^\n]+\n$/);

    const natsDown = await keywardWith({ NATS_URL: `nats://127.0.0.1:${await freePort()}` }, 'verify', generateKeySecret('live'));
    expect(natsDown.code).toBe(UNAVAILABLE);
    expect(natsDown.stderr).toMatch(/^keyward: unavailable, retry: [^\n]+\n$/);

    expect((await keyward('keys', 'list', '--bogus')).code).toBe(USAGE);
    expect((await keyward('keys', 'create', '--name', 'x', '--permission', 'calls')).code).toBe(USAGE);
    expect((await keyward('keys', 'as-of', randomUUID(), 'last tuesday')).code).toBe(USAGE);

    const noCredential = await runKeyward(['keys', 'list'], { KEYWARD_URL: stack.baseUrl, KEYWARD_DATA_DIR: '/nonexistent-keyward-data' });
    expect(noCredential.code).toBe(FAILED);
    expect(noCredential.stderr).toMatch(/^keyward: no credential: [^\n]+\n$/);
  });

  it('replays the read models from the history while the services run: the same keys afterwards, progress on stderr', async () => {
    await create('--name', 'cli replayed', '--role', 'read-only');
    const before = await json<KeyPage>('keys', 'list', '--all');
    const people = await keyward('replay');
    expect(people.code).toBe(OK);
    expect(people.stdout).toMatch(/^replayed \d+ events in [\d.]+ s \(\d+ events\/s\): .*keys \d+/);
    expect(people.stderr).toMatch(/^replay: /m);
    const summary = await json<{ events: number; rows: Record<string, number> }>('replay');
    expect(summary.events).toBeGreaterThan(0);
    expect(await json<KeyPage>('keys', 'list', '--all')).toEqual(before);
  });

  it('checks the chain: ok with the head hash, then exit 3 naming the first forged event', async () => {
    await create('--name', 'cli chained');
    let report: ChainReport | undefined;
    // The chain's follower links events as they commit: wait until it linked this one (bounded).
    for (let round = 0; round < 100; round++, await sleep(200)) {
      report = await json<ChainReport>('audit', 'verify');
      const latest = await json<AuditEventPage>('audit', 'events', '--type', 'KeyCreated', '--all');
      if (latest.items.at(-1)?.hash) break;
    }
    expect(report).toMatchObject({ ok: true, head: { hash: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    report = await json<ChainReport>('audit', 'verify');
    const people = await keyward('audit', 'verify');
    expect(people.code).toBe(OK);
    expect(people.stdout).toContain(report.head?.hash);

    const head = report.head?.position ?? '';
    await forgeEventData(stack.database.url, head);
    const broken = await keyward('--json', 'audit', 'verify', '--to', head);
    expect(broken.code).toBe(NEGATIVE);
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, firstBadPosition: head, reason: 'altered' });
    expect(broken.stderr).toBe(`keyward: the chain is broken at position ${head}: altered\n`);
  });

  it('never printed a secret on stderr, nor its credential or the pepper anywhere (a new key goes to stdout, once)', () => {
    expect(stderrs.length).toBeGreaterThan(0);
    expect(leakedSecrets(stderrs, secrets)).toEqual([]);
    expect(leakedSecrets(stdouts, [stack.rootKey, stack.pepper])).toEqual([]);
  });
});
