import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { generateKeySecret } from '@keyward/domain';
import { createTestDatabase, type TestDatabase } from '@keyward/testing';
import { idempotencyMigrations } from './idempotency.migrations';
import { IdempotencyStore, type IdempotencyClaim } from './idempotency.store';

jest.setTimeout(30_000);

const fingerprint = (): string => randomBytes(32).toString('hex');

const tokenOf = (claim: IdempotencyClaim): string => {
  if (claim.outcome !== 'claimed') throw new Error(`expected a claim, got ${claim.outcome}`);
  return claim.token;
};

describe('IdempotencyStore on PostgreSQL', () => {
  let db: { dataSource: DataSource; database: TestDatabase };
  let store: IdempotencyStore;
  const scope = 'default';

  /** Moves a record back in time, as the clock would: tests assert what happens after, not how long it takes. */
  const age = (key: string, column: 'created_at' | 'claimed_until', ago: string): Promise<unknown> =>
    db.dataSource.query(`UPDATE idempotency_records SET ${column} = now() - $2::interval WHERE idempotency_key = $1`, [key, ago]);

  beforeAll(async () => {
    const database = await createTestDatabase();
    const dataSource = new DataSource({ type: 'postgres', url: database.url, migrations: idempotencyMigrations, migrationsTableName: 'read_model_migrations' });
    db = { dataSource: await dataSource.initialize(), database };
    await db.dataSource.runMigrations();
    store = new IdempotencyStore(db.dataSource);
  });

  afterAll(async () => {
    await db.dataSource.destroy();
    await db.database.drop();
  });

  it('gives a new key to the first request; the same request meanwhile is busy, another one a conflict', async () => {
    const key = randomUUID();
    const fp = fingerprint();
    expect((await store.claim(scope, key, fp)).outcome).toBe('claimed');
    expect(await store.claim(scope, key, fp)).toEqual({ outcome: 'busy' });
    expect(await store.claim(scope, key, fingerprint())).toEqual({ outcome: 'conflict' });
  });

  it('answers a completed request again, with its status and body as they were, the secret withheld', async () => {
    const key = randomUUID();
    const fp = fingerprint();
    const secret = generateKeySecret('live');
    const body = { id: 'key_1', key: secret, prefix: secret.slice(0, 12), name: 'n', z: 1, a: 2 };
    await store.complete(scope, key, tokenOf(await store.claim(scope, key, fp)), 201, body);

    const replay = await store.claim(scope, key, fp);
    expect(replay).toEqual({ outcome: 'replay', status: 201, body: { ...body, key: null, secretAlreadyShown: true } });
    // Kept as text: the fields come back in their order (jsonb would sort them).
    const [row] = await db.dataSource.query(`SELECT response_body::text AS body FROM idempotency_records WHERE idempotency_key = $1`, [key]);
    expect(row.body).toBe(JSON.stringify({ ...body, key: null, secretAlreadyShown: true }));
    const everything = JSON.stringify(await db.dataSource.query(`SELECT * FROM idempotency_records`));
    expect(everything).not.toContain(secret);
    expect(await store.claim(scope, key, fingerprint())).toEqual({ outcome: 'conflict' });
  });

  it('keeps the position of the write with the answer, for a repeat to wait for; a new use of the key after 24 hours starts without it', async () => {
    const key = randomUUID();
    const fp = fingerprint();
    await store.complete(scope, key, tokenOf(await store.claim(scope, key, fp)), 201, { id: 'key_1' }, '0000000000000042');
    expect(await store.claim(scope, key, fp)).toEqual({ outcome: 'replay', status: 201, body: { id: 'key_1' }, position: '0000000000000042' });

    await age(key, 'created_at', '24 hours 1 second');
    await store.complete(scope, key, tokenOf(await store.claim(scope, key, fp)), 200, { id: 'key_2' });
    expect(await store.claim(scope, key, fp)).toEqual({ outcome: 'replay', status: 200, body: { id: 'key_2' } });
  });

  it('keeps an empty answer (204) as one', async () => {
    const key = randomUUID();
    const fp = fingerprint();
    await store.complete(scope, key, tokenOf(await store.claim(scope, key, fp)), 204, undefined);
    expect(await store.claim(scope, key, fp)).toEqual({ outcome: 'replay', status: 204, body: null });
  });

  it('frees a key whose request was refused (nothing written): any request may use it then', async () => {
    const key = randomUUID();
    await store.release(scope, key, tokenOf(await store.claim(scope, key, fingerprint())), true);
    expect((await store.claim(scope, key, fingerprint())).outcome).toBe('claimed');
  });

  it('keeps a key whose outcome is unknown bound to its request: the same request resumes it, another is a conflict', async () => {
    const key = randomUUID();
    const fp = fingerprint();
    await store.release(scope, key, tokenOf(await store.claim(scope, key, fp)), false);
    expect(await store.claim(scope, key, fingerprint())).toEqual({ outcome: 'conflict' });
    expect((await store.claim(scope, key, fp)).outcome).toBe('claimed');
  });

  it('lets a retry take over once the lease ran out (its gateway died); the old holder can no longer complete it', async () => {
    const key = randomUUID();
    const fp = fingerprint();
    const stale = tokenOf(await store.claim(scope, key, fp));
    expect(await store.claim(scope, key, fp)).toEqual({ outcome: 'busy' });
    await age(key, 'claimed_until', '1 second');
    const fresh = tokenOf(await store.claim(scope, key, fp));

    await store.complete(scope, key, stale, 200, { by: 'stale' });
    expect(await store.claim(scope, key, fp)).toEqual({ outcome: 'busy' });
    await store.complete(scope, key, fresh, 200, { by: 'fresh' });
    expect(await store.claim(scope, key, fp)).toEqual({ outcome: 'replay', status: 200, body: { by: 'fresh' } });
  });

  it('keeps a renewed claim from being taken over; a lost claim cannot be renewed', async () => {
    const key = randomUUID();
    const fp = fingerprint();
    const token = tokenOf(await store.claim(scope, key, fp));
    await age(key, 'claimed_until', '1 second');
    expect(await store.renew(scope, key, token)).toBe(true);
    expect(await store.claim(scope, key, fp)).toEqual({ outcome: 'busy' });
    await age(key, 'claimed_until', '1 second');
    tokenOf(await store.claim(scope, key, fp));
    expect(await store.renew(scope, key, token)).toBe(false);
  });

  it('forgets a key after 24 hours: a new request may use it, and the purge deletes only expired rows', async () => {
    const expired = randomUUID();
    const live = randomUUID();
    const fp = fingerprint();
    await store.complete(scope, expired, tokenOf(await store.claim(scope, expired, fp)), 201, { n: 1 });
    await store.complete(scope, live, tokenOf(await store.claim(scope, live, fp)), 201, { n: 2 });
    await age(expired, 'created_at', '24 hours 1 second');

    const other = fingerprint();
    await store.complete(scope, expired, tokenOf(await store.claim(scope, expired, other)), 201, { n: 3 });
    expect(await store.claim(scope, expired, other)).toEqual({ outcome: 'replay', status: 201, body: { n: 3 } });

    await age(expired, 'created_at', '25 hours');
    expect(await store.purgeExpired(1_000)).toBeGreaterThanOrEqual(1);
    const keys = (await db.dataSource.query(`SELECT idempotency_key AS key FROM idempotency_records`)).map((r: { key: string }) => r.key);
    expect(keys).not.toContain(expired);
    expect(keys).toContain(live);
  });

  it('keeps keys per workspace: the same key in two workspaces is two requests', async () => {
    const key = randomUUID();
    expect((await store.claim('ws_a', key, fingerprint())).outcome).toBe('claimed');
    expect((await store.claim('ws_b', key, fingerprint())).outcome).toBe('claimed');
  });

  it('gives a key to exactly one of many concurrent requests', async () => {
    const key = randomUUID();
    const fp = fingerprint();
    const claims = await Promise.all(Array.from({ length: 20 }, () => store.claim(scope, key, fp)));
    expect(claims.filter((c) => c.outcome === 'claimed')).toHaveLength(1);
    expect(claims.filter((c) => c.outcome === 'busy')).toHaveLength(19);
  });
});
