import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { connect, type NatsConnection } from 'nats';
import { VerifyClient } from '@keyward/client';
import { loadVerifierConfig } from '@keyward/config';
import { identityStreamId, keyStreamId, roleStreamId, Subjects, workspaceStreamId, type FollowerProgress, type KeyCreated, type KeyEvent, type KeywardEvent, type Plan, type VerifyAnswer } from '@keyward/contracts';
import { generateKeySecret, hashKeySecret, newKeyId } from '@keyward/domain';
import { comparePositions, positionFromToken, type AppendResult } from '@keyward/event-store';
import { PostgresEventStore } from '@keyward/event-store/postgres';
import { createTestDatabase, requireEnv, type TestDatabase } from '@keyward/testing';
import { TEST_CLOCK_FILE_VARIABLE, TEST_CLOCK_POLL_MS } from '@keyward/platform';
import { AppModule } from './app.module';
import { EventFollower } from './follow/event-follower.service';

jest.setTimeout(30_000);

const metadata = { workspaceId: 'default', actor: 'system', correlationId: 'c', causationId: 'c', occurredAt: new Date().toISOString(), schemaVersion: 1 };

describe('verifier against the real event store and NATS', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let nats: NatsConnection;
  let client: VerifyClient;
  // The pepper is the UTF-8 bytes of KEYWARD_PEPPER, as the services read it.
  const pepperText = randomBytes(32).toString('base64url');
  const pepper = Buffer.from(pepperText);
  let app: INestApplicationContext | undefined;

  const appendKey = async (access: Partial<KeyCreated['data']> = {}): Promise<{ keyId: string; secret: string }> => {
    const secret = generateKeySecret('live');
    const keyId = newKeyId();
    const event: KeyCreated = {
      type: 'KeyCreated',
      data: {
        keyId,
        workspaceId: 'default',
        name: 'int',
        environment: 'live',
        secretHash: hashKeySecret(pepper, secret),
        prefix: secret.slice(0, 12),
        lastFour: secret.slice(-4),
        createdAt: new Date().toISOString(),
        expiresAt: null,
        roles: ['read-only'],
        permissions: {},
        unrestricted: false,
        ...access,
      },
    };
    await store.appendToStream(keyStreamId(keyId), [{ ...event, metadata }], { expectedVersion: 'no_stream' });
    return { keyId, secret };
  };

  const append = (streamId: string, events: readonly KeywardEvent[]): Promise<AppendResult> =>
    store.appendToStream(
      streamId,
      events.map((e) => ({ ...e, metadata })),
      { expectedVersion: 'any' },
    );

  const revoke = (keyId: string): Promise<unknown> => {
    const event: KeyEvent = { type: 'KeyRevoked', data: { keyId, revokedAt: new Date().toISOString() } };
    return store.appendToStream(keyStreamId(keyId), [{ ...event, metadata }], { expectedVersion: 0n });
  };

  const startVerifier = (): Promise<INestApplicationContext> => NestFactory.createApplicationContext(AppModule.withConfig(loadVerifierConfig()), { logger: false });

  /** Polls until the answer satisfies `predicate`: for catching up, where nothing is acknowledged to wait on. */
  const until = async (predicate: (a: VerifyAnswer) => boolean, secret: string, require?: string): Promise<VerifyAnswer> => {
    for (let i = 0; i < 100; i++) {
      const answer = await client.verify(secret, require).catch(() => undefined);
      if (answer && predicate(answer)) return answer;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the verifier never answered as expected');
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    process.env.KEYWARD_PEPPER = pepperText;
    store = PostgresEventStore.fromConnectionString(database.url);
    nats = await connect({ servers: requireEnv('NATS_URL') });
    client = new VerifyClient(nats);
  });

  afterAll(async () => {
    await app?.close();
    await nats?.drain();
    await store?.close();
    await database?.drop();
  });

  it('catches up with the history, follows it live, and catches up again after a restart', async () => {
    const before = await Promise.all(Array.from({ length: 50 }, appendKey));
    app = await startVerifier();
    for (const { secret } of before) expect((await until((a) => a.code !== 'UNAVAILABLE', secret)).code).toBe('VALID');
    const answer = await client.verify(before[0].secret, 'calls:read');
    expect(answer).toMatchObject({ code: 'VALID', roles: ['read-only'], permissions: ['*:read'] });
    expect((await client.verify(before[0].secret, 'calls:write')).code).toBe('INSUFFICIENT_PERMISSIONS');

    const live = await appendKey();
    await until((a) => a.code === 'VALID', live.secret);

    await app.close();
    await revoke(before[1].keyId);
    const whileDown = await appendKey();
    app = await startVerifier();
    // Until caught up it answers UNAVAILABLE, never from a stale or empty index.
    const first = await client.verify(before[1].secret).catch(() => undefined);
    if (first) expect(['UNAVAILABLE', 'REVOKED']).toContain(first.code);
    expect((await until((a) => a.code !== 'UNAVAILABLE', before[1].secret)).code).toBe('REVOKED');
    expect((await client.verify(whileDown.secret)).code).toBe('VALID');
  });

  /** Role, workspace and key events of one fresh workspace, with ids no other test uses. */
  const freshIds = () => {
    const suffix = randomBytes(10).toString('hex');
    return { workspaceId: `ws_${suffix}`, roleId: `role_${suffix}`, otherRoleId: `role_${suffix.split('').reverse().join('')}` };
  };
  const settings = { keyPermissionsImmutable: false, resourceCatalogue: [], staleAfterDays: 90, rateLimitWhenUnreachable: 'allow' as const, revokeLeakedKeys: true };
  const createWorkspace = (workspaceId: string, plan: Plan) =>
    append(workspaceStreamId(workspaceId), [{ type: 'WorkspaceCreated', data: { workspaceId, name: 'int', plan, settings, createdAt: '' } }]);
  const changePlan = (workspaceId: string, plan: Plan) => append(workspaceStreamId(workspaceId), [{ type: 'WorkspacePlanChanged', data: { workspaceId, plan, changedAt: '' } }]);
  const createRole = (roleId: string, workspaceId: string, permissions: string[]) =>
    append(roleStreamId(roleId), [{ type: 'RoleCreated', data: { roleId, workspaceId, name: 'r', description: '', permissions, createdAt: '' } }]);
  const changeRole = (roleId: string, workspaceId: string, permissions: string[]) =>
    append(roleStreamId(roleId), [{ type: 'RolePermissionsChanged', data: { roleId, workspaceId, name: 'r', description: '', permissions, changedAt: '' } }]);
  const deleteRole = (roleId: string, workspaceId: string) => append(roleStreamId(roleId), [{ type: 'RoleDeleted', data: { roleId, workspaceId, deletedAt: '' } }]);

  /**
   * Resolves once the running verifier reports it applied `written`: what a writer (the gateway)
   * waits for before it answers (product.md section 5). After that, a single verify must show the change.
   */
  const acknowledged = async (written: AppendResult): Promise<void> => {
    const followerId = app?.get(EventFollower).followerId;
    const reached = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        subscription.unsubscribe();
        reject(new Error('the verifier never acknowledged the write'));
      }, 5_000);
      const subscription = nats.subscribe(Subjects.followerProgress, {
        callback: (error, msg) => {
          if (error) return;
          const progress = JSON.parse(msg.string()) as FollowerProgress;
          const applied = positionFromToken(progress.position);
          if (progress.followerId !== followerId || !progress.caughtUp || !applied || comparePositions(applied, written.position) < 0) return;
          clearTimeout(timer);
          subscription.unsubscribe();
          resolve();
        },
      });
    });
    await nats.flush();
    nats.publish(Subjects.followerRollCall);
    await reached;
  };

  /** Starts a verifier and waits until it answers for `secret`, i.e. has caught up. */
  const startCaughtUp = async (secret: string): Promise<void> => {
    await app?.close();
    app = await startVerifier();
    await until((a) => a.code !== 'UNAVAILABLE', secret);
  };

  it('a role edit or delete, once acknowledged, holds on the very next verify', async () => {
    const { workspaceId, roleId } = freshIds();
    await createWorkspace(workspaceId, 'enterprise');
    await createRole(roleId, workspaceId, ['calls:read']);
    const key = await appendKey({ workspaceId, roles: [roleId, 'read-only'] });
    await startCaughtUp(key.secret);
    expect(await client.verify(key.secret, 'calls:write')).toMatchObject({ code: 'INSUFFICIENT_PERMISSIONS', roles: [roleId, 'read-only'] });

    await acknowledged(await changeRole(roleId, workspaceId, ['calls:write']));
    expect(await client.verify(key.secret, 'calls:write')).toMatchObject({ code: 'VALID', roles: [roleId, 'read-only'], permissions: ['calls:write', '*:read'] });

    await acknowledged(await deleteRole(roleId, workspaceId));
    expect(await client.verify(key.secret, 'calls:write')).toMatchObject({ code: 'INSUFFICIENT_PERMISSIONS', roles: ['read-only'], permissions: ['*:read'] });
  });

  it('a plan change, once acknowledged, holds on the very next verify', async () => {
    const { workspaceId, roleId } = freshIds();
    await createWorkspace(workspaceId, 'enterprise');
    await createRole(roleId, workspaceId, ['calls:write']);
    const key = await appendKey({ workspaceId, roles: [roleId] });
    await startCaughtUp(key.secret);
    expect((await client.verify(key.secret, 'calls:write')).code).toBe('VALID');

    await acknowledged(await changePlan(workspaceId, 'free'));
    expect(await client.verify(key.secret, 'calls:write')).toEqual({ valid: false, code: 'PLAN_UPGRADE_REQUIRED', keyId: key.keyId });
    // Pro has API access but no custom roles: the key is valid and its role grants nothing.
    await acknowledged(await changePlan(workspaceId, 'pro'));
    expect(await client.verify(key.secret, 'calls:write')).toMatchObject({ code: 'INSUFFICIENT_PERMISSIONS', roles: [] });
    await acknowledged(await changePlan(workspaceId, 'enterprise'));
    expect(await client.verify(key.secret, 'calls:write')).toMatchObject({ code: 'VALID', roles: [roleId] });
  });

  it('a restart rebuilds roles, deleted roles, plans and deleted keys from the history alone, skipping a malformed event', async () => {
    const a = freshIds();
    const b = freshIds();
    await createWorkspace(a.workspaceId, 'enterprise');
    await createWorkspace(b.workspaceId, 'enterprise');
    await createRole(a.roleId, a.workspaceId, ['calls:read']);
    await changeRole(a.roleId, a.workspaceId, ['calls:write']);
    await createRole(a.otherRoleId, a.workspaceId, ['files:write']);
    await deleteRole(a.otherRoleId, a.workspaceId);
    // Written by something other than key-command: the verifier must skip it, not stop.
    await store.appendToStream(`key-broken-${a.roleId}`, [{ type: 'KeyCreated', data: { keyId: 'key_broken' }, metadata }], { expectedVersion: 'any' });
    const holder = await appendKey({ workspaceId: a.workspaceId, roles: [a.roleId, a.otherRoleId, 'read-only'] });
    const deleted = await appendKey({ workspaceId: a.workspaceId });
    await append(keyStreamId(deleted.keyId), [{ type: 'KeyDeleted', data: { keyId: deleted.keyId, deletedAt: new Date().toISOString() } }]);
    const downgraded = await appendKey({ workspaceId: b.workspaceId });
    await changePlan(b.workspaceId, 'free');

    const expectRebuilt = async (): Promise<void> => {
      const answer = await client.verify(holder.secret, ['calls:write', 'contacts:read']);
      expect(answer).toMatchObject({ code: 'VALID', workspaceId: a.workspaceId, roles: [a.roleId, 'read-only'] });
      expect([...(answer.permissions ?? [])].sort()).toEqual(['*:read', 'calls:write']);
      expect((await client.verify(holder.secret, 'files:write')).code).toBe('INSUFFICIENT_PERMISSIONS');
      expect(await client.verify(deleted.secret)).toEqual({ valid: false, code: 'REVOKED', keyId: deleted.keyId });
      expect((await client.verify(downgraded.secret)).code).toBe('PLAN_UPGRADE_REQUIRED');
    };
    await startCaughtUp(holder.secret);
    await expectRebuilt();
    await startCaughtUp(holder.secret);
    await expectRebuilt();
  });

  /** A verify with fields the client kit does not send yet (cost, named limits), as plain JSON. */
  const verifyRaw = async (request: object): Promise<VerifyAnswer> => JSON.parse((await nats.request(Subjects.verify, JSON.stringify(request), { timeout: 5_000 })).string()) as VerifyAnswer;

  it('identities, metadata, named limits and disable/enable, once acknowledged, hold on the very next verify', async () => {
    const { workspaceId } = freshIds();
    const identityId = `idn_${randomBytes(10).toString('hex')}`;
    await createWorkspace(workspaceId, 'enterprise');
    await append(identityStreamId(identityId), [
      {
        type: 'IdentityCreated',
        data: { identityId, workspaceId, externalId: 'user_1', meta: { org: 'acme' }, ratelimits: [{ name: 'shared', limit: 3, windowSeconds: 3_600, autoApply: true }], createdAt: new Date().toISOString() },
      },
    ]);
    const a = await appendKey({ workspaceId, identityId, meta: { tier: 'gold' }, ratelimits: [{ name: 'tokens', limit: 100, windowSeconds: 3_600, autoApply: false }] });
    const b = await appendKey({ workspaceId, identityId });
    // Caught up once a key without limits answers: polling with `a` would spend the identity's.
    const probe = await appendKey({ workspaceId });
    await startCaughtUp(probe.secret);

    await expect(verifyRaw({ key: a.secret })).resolves.toMatchObject({
      code: 'VALID',
      meta: { tier: 'gold' },
      identity: { id: identityId, externalId: 'user_1', meta: { org: 'acme' } },
      ratelimits: [{ name: 'shared', limit: 3, remaining: 2, exceeded: false }],
    });
    // The identity's limit is shared by its keys, counted once on the real limiter.
    await expect(verifyRaw({ key: b.secret })).resolves.toMatchObject({ code: 'VALID', ratelimits: [{ name: 'shared', remaining: 1 }] });
    // Naming the key's own `tokens` adds it; the identity's autoApply `shared` is checked all the same.
    await expect(verifyRaw({ key: a.secret, ratelimits: [{ name: 'tokens', cost: 60 }] })).resolves.toMatchObject({
      code: 'VALID',
      ratelimits: [
        { name: 'shared', remaining: 0 },
        { name: 'tokens', remaining: 40 },
      ],
    });
    await expect(verifyRaw({ key: a.secret, ratelimits: [{ name: 'tokens', cost: 60 }] })).resolves.toMatchObject({ code: 'RATE_LIMITED', ratelimits: [{ name: 'shared', exceeded: true }] });
    await verifyRaw({ key: b.secret });
    await expect(verifyRaw({ key: a.secret })).resolves.toMatchObject({ code: 'RATE_LIMITED', keyId: a.keyId, ratelimits: [{ name: 'shared', remaining: 0, exceeded: true }] });
    // Raised, the identity's limit lets its keys through again (no list of named limits can skip an autoApply one).
    const raised = [{ name: 'shared', limit: 100, windowSeconds: 3_600, autoApply: true }];
    await acknowledged(await append(identityStreamId(identityId), [{ type: 'IdentityChanged', data: { identityId, workspaceId, ratelimits: raised, changedAt: new Date().toISOString() } }]));

    await acknowledged(await append(keyStreamId(b.keyId), [{ type: 'KeyDisabled', data: { keyId: b.keyId, disabledAt: new Date().toISOString() } }]));
    await expect(verifyRaw({ key: b.secret })).resolves.toEqual({ valid: false, code: 'DISABLED', keyId: b.keyId });
    await acknowledged(await append(keyStreamId(b.keyId), [{ type: 'KeyEnabled', data: { keyId: b.keyId, enabledAt: new Date().toISOString() } }]));
    await expect(verifyRaw({ key: b.secret })).resolves.toMatchObject({ code: 'VALID', identity: { meta: { org: 'acme' } } });

    await acknowledged(await append(identityStreamId(identityId), [{ type: 'IdentityChanged', data: { identityId, workspaceId, meta: { org: 'beta' }, changedAt: new Date().toISOString() } }]));
    await expect(verifyRaw({ key: b.secret })).resolves.toMatchObject({ code: 'VALID', identity: { meta: { org: 'beta' } } });
    await acknowledged(await append(identityStreamId(identityId), [{ type: 'IdentityDeleted', data: { identityId, workspaceId, deletedAt: new Date().toISOString() } }]));
    await expect(verifyRaw({ key: b.secret })).resolves.toEqual({ valid: false, code: 'DISABLED', keyId: b.keyId });

    // A restart rebuilds all of it from the history.
    await startCaughtUp(probe.secret);
    await expect(verifyRaw({ key: a.secret })).resolves.toEqual({ valid: false, code: 'DISABLED', keyId: a.keyId });
  });

  it('spends credits exactly through the real ledger: a key’s own, and its identity’s shared by its keys; costs 0 and 5', async () => {
    const { workspaceId } = freshIds();
    const identityId = `idn_${randomBytes(10).toString('hex')}`;
    await createWorkspace(workspaceId, 'enterprise');
    await append(identityStreamId(identityId), [
      { type: 'IdentityCreated', data: { identityId, workspaceId, externalId: 'user_2', meta: {}, ratelimits: [], credits: { remaining: 2 }, createdAt: new Date().toISOString() } },
    ]);
    const own = await appendKey({ workspaceId, credits: { remaining: 7 } });
    const a = await appendKey({ workspaceId, identityId });
    const b = await appendKey({ workspaceId, identityId });
    const probe = await appendKey({ workspaceId });
    await startCaughtUp(probe.secret);

    await expect(verifyRaw({ key: own.secret, cost: 5 })).resolves.toMatchObject({ code: 'VALID', credits: { remaining: 2 } });
    await expect(verifyRaw({ key: own.secret, cost: 5 })).resolves.toEqual({ valid: false, code: 'USAGE_EXCEEDED', keyId: own.keyId, credits: { remaining: 2 } });
    await expect(verifyRaw({ key: own.secret, cost: 0 })).resolves.toMatchObject({ code: 'VALID', credits: { remaining: 2 } });
    const answers = await Promise.all([a, b, a, b].map((k) => verifyRaw({ key: k.secret })));
    expect(answers.filter((x) => x.code === 'VALID')).toHaveLength(2);
    expect(answers.filter((x) => x.code === 'USAGE_EXCEEDED')).toHaveLength(2);

    // A new generation of the key's credits starts from its own balance.
    await acknowledged(await append(keyStreamId(own.keyId), [{ type: 'KeyCreditsChanged', data: { keyId: own.keyId, credits: { remaining: 10 }, generation: 2, changedAt: new Date().toISOString() } }]));
    await expect(verifyRaw({ key: own.secret, cost: 5 })).resolves.toMatchObject({ code: 'VALID', credits: { remaining: 5 } });
  });

  it('takes business time from the test clock file, re-read when it changes; freshness keeps real time', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'keyward-clock-')), 'offset');
    writeFileSync(file, '0');
    const key = await appendKey({ expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    process.env[TEST_CLOCK_FILE_VARIABLE] = file;
    try {
      await startCaughtUp(key.secret);
      expect((await client.verify(key.secret)).code).toBe('VALID');
      writeFileSync(file, String(2 * 3_600_000));
      expect((await until((a) => a.code !== 'VALID', key.secret)).code).toBe('EXPIRED');
      writeFileSync(file, '0');
      await new Promise((r) => setTimeout(r, TEST_CLOCK_POLL_MS * 4));
      expect((await until((a) => a.code === 'VALID', key.secret)).code).toBe('VALID');
    } finally {
      delete process.env[TEST_CLOCK_FILE_VARIABLE];
      await app?.close();
      app = undefined;
    }
  });
});
