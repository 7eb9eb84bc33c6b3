import { randomBytes } from 'node:crypto';
import { Logger, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { connect, type NatsConnection } from 'nats';
import { Client, Pool } from 'pg';
import { VerifyClient } from '@keyward/client';
import { loadVerifierConfig } from '@keyward/config';
import { keyStreamId, type KeyCreated, type KeyEvent } from '@keyward/contracts';
import { generateKeySecret, hashKeySecret, newKeyId } from '@keyward/domain';
import type { Position } from '@keyward/event-store';
import { PostgresEventStore } from '@keyward/event-store/postgres';
import { KeyIndex } from '@keyward/key-index';
import { createTestDatabase, requireEnv, type TestDatabase } from '@keyward/testing';
import { AppModule } from '../app.module';
import { IndexSnapshotStore } from './index-snapshot.store';
import { IndexSnapshots } from './index-snapshots.service';

jest.setTimeout(30_000);

const metadata = { workspaceId: 'default', actor: 'system', correlationId: 'c', causationId: 'c', occurredAt: new Date().toISOString(), schemaVersion: 1 };

/** Against the real PostgreSQL: a snapshot is used only when it is sound, and a verifier catches up from it. */
describe('index snapshots', () => {
  let database: TestDatabase;
  let events: PostgresEventStore;
  let sql: Client;
  const pepperText = randomBytes(32).toString('base64url');
  const pepper = Buffer.from(pepperText);
  const logged: string[] = [];

  const keyCreated = (secret: string, keyId = newKeyId()): KeyCreated => ({
    type: 'KeyCreated',
    data: { keyId, workspaceId: 'default', name: 'snap', environment: 'live', secretHash: hashKeySecret(pepper, secret), prefix: secret.slice(0, 12), lastFour: secret.slice(-4), createdAt: '', expiresAt: null, roles: [], permissions: {}, unrestricted: true },
  });
  const appendKey = async (): Promise<{ keyId: string; secret: string; position: Position }> => {
    const secret = generateKeySecret('live');
    const event = keyCreated(secret);
    const { position } = await events.appendToStream(keyStreamId(event.data.keyId), [{ ...event, metadata }], { expectedVersion: 'no_stream' });
    return { keyId: event.data.keyId, secret, position };
  };
  /** The index a replay of the whole store gives, and the position it reached. */
  const replayed = async (): Promise<{ index: KeyIndex; position: Position | undefined }> => {
    const index = new KeyIndex();
    const all = await events.readAll({ maxCount: 10_000 });
    for (const e of all) index.apply(e);
    return { index, position: all[all.length - 1]?.position };
  };
  /** Each service closes its store's pool at shutdown, as a verifier does. */
  const snapshots = (withPepper = pepper) => new IndexSnapshots(new IndexSnapshotStore(new Pool({ connectionString: database.url, max: 2 })), withPepper, 1);
  /** Saves a snapshot of `index` at `position` through the service, as a caught-up verifier does. */
  const save = async (index: KeyIndex, position: Position | undefined): Promise<void> => {
    const service = snapshots();
    service.noteApplied(1);
    service.afterLive(index, position);
    await service.onApplicationShutdown();
  };
  const restoreFresh = async (service = snapshots()): Promise<{ index: KeyIndex; from: Position | undefined }> => {
    const index = new KeyIndex();
    const from = await service.restore(index);
    await service.onApplicationShutdown();
    return { index, from };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    events = PostgresEventStore.fromConnectionString(database.url);
    sql = new Client({ connectionString: database.url });
    await sql.connect();
  });
  beforeEach(() => {
    logged.length = 0;
    jest.spyOn(Logger.prototype, 'log').mockImplementation((message: unknown) => void logged.push(String(message)));
    jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: unknown) => void logged.push(String(message)));
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    await sql?.end();
    await events?.close();
    await database?.drop();
  });

  it('with no snapshot yet, the verifier replays the whole history, and says so', async () => {
    const { index, from } = await restoreFresh();
    expect(from).toBeUndefined();
    expect(index.size).toBe(0);
    expect(logged).toContainEqual(expect.stringContaining('no index snapshot yet'));
  });

  it('a saved snapshot restores the index at its position, without a secret or a secret-derived value in the logs', async () => {
    const key = await appendKey();
    const { index, position } = await replayed();
    await save(index, position);
    const restored = await restoreFresh();
    expect(restored.from).toEqual(position);
    expect(restored.index.size).toBe(index.size);
    expect(restored.index.lookup(Buffer.from(hashKeySecret(pepper, key.secret), 'hex'))?.key.keyId).toBe(key.keyId);
    expect(logged.join('\n')).not.toContain(hashKeySecret(pepper, key.secret).slice(0, 16));
  });

  it.each<[string, string, string]>([
    ['damaged', `UPDATE public.keyward_index_snapshot_chunks SET bytes = overlay(bytes placing '\\x00'::bytea from 20)`, 'checksum'],
    ['of another format', 'UPDATE public.keyward_index_snapshots SET format = 99', 'format 99'],
    ['of another history', 'UPDATE public.keyward_index_snapshots SET position_prepare = position_prepare + 1000000', 'another history'],
  ])('a snapshot %s is not used: the verifier replays the whole history, and says why', async (_, damage, why) => {
    await appendKey();
    const { index, position } = await replayed();
    await save(index, position);
    await sql.query(damage);
    const restored = await restoreFresh();
    expect(restored.from).toBeUndefined();
    expect(restored.index.size).toBe(0);
    expect(logged).toContainEqual(expect.stringMatching(new RegExp(`index snapshot not used \\(.*${why}.*\\): replaying the whole history`)));
  });

  it('a snapshot made with another pepper is not used', async () => {
    const { index, position } = await replayed();
    await save(index, position);
    const restored = await restoreFresh(snapshots(randomBytes(32)));
    expect(restored.from).toBeUndefined();
    expect(logged).toContainEqual(expect.stringContaining('another pepper'));
  });

  it('a verifier starts from the snapshot and answers the events after it too: revoked, and created since', async () => {
    const [kept, revokedLater] = [await appendKey(), await appendKey()];
    const { index, position } = await replayed();
    // A key only the snapshot knows: a verifier that answers it VALID started from the snapshot, not from a replay.
    const onlyInSnapshot = generateKeySecret('live');
    index.apply(keyCreated(onlyInSnapshot));
    await save(index, position);
    const revoke: KeyEvent = { type: 'KeyRevoked', data: { keyId: revokedLater.keyId, revokedAt: new Date().toISOString() } };
    await events.appendToStream(keyStreamId(revokedLater.keyId), [{ ...revoke, metadata }], { expectedVersion: 0n });
    const since = await appendKey();

    process.env.DATABASE_URL = database.url;
    process.env.KEYWARD_PEPPER = pepperText;
    let nats: NatsConnection | undefined;
    let app: INestApplicationContext | undefined;
    try {
      nats = await connect({ servers: requireEnv('NATS_URL') });
      const client = new VerifyClient(nats);
      app = await NestFactory.createApplicationContext(AppModule.withConfig(loadVerifierConfig()), { logger: false });
      let first = await client.verify(kept.secret).catch(() => undefined);
      for (let i = 0; i < 100 && (!first || first.code === 'UNAVAILABLE'); i++) {
        await new Promise((r) => setTimeout(r, 100));
        first = await client.verify(kept.secret).catch(() => undefined);
      }
      expect(first?.code).toBe('VALID');
      expect((await client.verify(onlyInSnapshot)).code).toBe('VALID');
      expect((await client.verify(revokedLater.secret)).code).toBe('REVOKED');
      expect((await client.verify(since.secret)).code).toBe('VALID');
    } finally {
      await app?.close();
      await nats?.drain();
    }
  });
});
