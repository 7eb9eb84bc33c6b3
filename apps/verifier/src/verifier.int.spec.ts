import { randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { connect, type NatsConnection } from 'nats';
import { VerifyClient } from '@keyward/client';
import { keyStreamId, roleStreamId, workspaceStreamId, type KeyCreated, type KeyEvent, type KeywardEvent, type VerifyAnswer } from '@keyward/contracts';
import { generateKeySecret, hashKeySecret, newKeyId } from '@keyward/domain';
import { PostgresEventStore } from '@keyward/event-store';
import { createTestDatabase, requireEnv, type TestDatabase } from '@keyward/testing';
import { AppModule } from './app.module';

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

  const append = (streamId: string, events: readonly KeywardEvent[]): Promise<unknown> =>
    store.appendToStream(
      streamId,
      events.map((e) => ({ ...e, metadata })),
      { expectedVersion: 'any' },
    );

  const revoke = (keyId: string): Promise<unknown> => {
    const event: KeyEvent = { type: 'KeyRevoked', data: { keyId, revokedAt: new Date().toISOString() } };
    return store.appendToStream(keyStreamId(keyId), [{ ...event, metadata }], { expectedVersion: 0n });
  };

  const startVerifier = (): Promise<INestApplicationContext> => NestFactory.createApplicationContext(AppModule, { logger: false });

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

  it('follows role edits and plan changes live, skips a malformed event, and rebuilds both after a restart', async () => {
    await app?.close();
    const workspaceId = `ws_${randomBytes(10).toString('hex').slice(0, 20)}`;
    const roleId = `role_${randomBytes(10).toString('hex').slice(0, 20)}`;
    const settings = { keyPermissionsImmutable: false, resourceCatalogue: [] };
    await append(workspaceStreamId(workspaceId), [{ type: 'WorkspaceCreated', data: { workspaceId, name: 'int', plan: 'enterprise', settings, createdAt: '' } }]);
    await append(roleStreamId(roleId), [{ type: 'RoleCreated', data: { roleId, workspaceId, name: 'r', description: '', permissions: ['calls:read'], createdAt: '' } }]);
    // Written by something other than key-command: the verifier must skip it, not stop.
    await store.appendToStream('key-broken', [{ type: 'KeyCreated', data: { keyId: 'key_broken' }, metadata }], { expectedVersion: 'any' });
    const key = await appendKey({ workspaceId, roles: [roleId] });
    app = await startVerifier();
    expect(await until((a) => a.code !== 'UNAVAILABLE', key.secret, 'calls:read')).toMatchObject({ code: 'VALID', roles: [roleId], permissions: ['calls:read'] });

    await append(roleStreamId(roleId), [{ type: 'RolePermissionsChanged', data: { roleId, workspaceId, name: 'r', description: '', permissions: ['calls:write'], changedAt: '' } }]);
    await until((a) => a.code === 'VALID', key.secret, 'calls:write');
    await append(workspaceStreamId(workspaceId), [{ type: 'WorkspacePlanChanged', data: { workspaceId, plan: 'free', changedAt: '' } }]);
    await until((a) => a.code === 'PLAN_UPGRADE_REQUIRED', key.secret);

    await app.close();
    app = await startVerifier();
    expect((await until((a) => a.code !== 'UNAVAILABLE', key.secret)).code).toBe('PLAN_UPGRADE_REQUIRED');
    await append(workspaceStreamId(workspaceId), [{ type: 'WorkspacePlanChanged', data: { workspaceId, plan: 'enterprise', changedAt: '' } }]);
    expect(await until((a) => a.code === 'VALID', key.secret, 'calls:write')).toMatchObject({ roles: [roleId], permissions: ['calls:write'] });
  });
});
