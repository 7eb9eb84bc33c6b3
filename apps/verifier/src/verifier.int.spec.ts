import { randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { connect, type NatsConnection } from 'nats';
import { VerifyClient } from '@keyward/client';
import { loadVerifierConfig } from '@keyward/config';
import { keyStreamId, roleStreamId, Subjects, workspaceStreamId, type FollowerProgress, type KeyCreated, type KeyEvent, type KeywardEvent, type Plan, type VerifyAnswer } from '@keyward/contracts';
import { generateKeySecret, hashKeySecret, newKeyId } from '@keyward/domain';
import { comparePositions, positionFromToken, type AppendResult } from '@keyward/event-store';
import { PostgresEventStore } from '@keyward/event-store/postgres';
import { createTestDatabase, requireEnv, type TestDatabase } from '@keyward/testing';
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
});
