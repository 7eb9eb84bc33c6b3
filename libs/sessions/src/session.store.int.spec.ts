import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@keyward/testing';
import { sessionMigrations } from './session.migrations';
import { SessionStore } from './session.store';

jest.setTimeout(30_000);

describe('SessionStore on PostgreSQL', () => {
  let db: { dataSource: DataSource; database: TestDatabase };
  let store: SessionStore;

  /** Moves a session back in time, as the clock would. */
  const age = (id: string, column: 'created_at' | 'last_seen_at', ago: string): Promise<unknown> =>
    db.dataSource.query(`UPDATE console_sessions SET ${column} = now() - $2::interval WHERE id_hash = $1`, [createHash('sha256').update(id).digest(), ago]);
  const lastSeen = async (id: string): Promise<Date> =>
    (await db.dataSource.query<{ last_seen_at: Date }[]>('SELECT last_seen_at FROM console_sessions WHERE id_hash = $1', [createHash('sha256').update(id).digest()]))[0].last_seen_at;

  beforeAll(async () => {
    const database = await createTestDatabase();
    const dataSource = new DataSource({ type: 'postgres', url: database.url, migrations: sessionMigrations, migrationsTableName: 'read_model_migrations' });
    db = { dataSource: await dataSource.initialize(), database };
    await db.dataSource.runMigrations();
    store = new SessionStore(db.dataSource, { idleMs: 60_000, maxMs: 3_600_000 });
  });

  afterAll(async () => {
    await db.dataSource.destroy();
    await db.database.drop();
  });

  it('creates a session with 256-bit id and CSRF token, keeps only the id’s digest, and finds it by the id', async () => {
    const session = await store.create({ keyId: 'key_1', workspaceId: 'ws_1' });
    expect(session.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.csrfToken).not.toBe(session.id);
    const rows = await db.dataSource.query<Record<string, unknown>[]>('SELECT * FROM console_sessions');
    expect(JSON.stringify(rows)).not.toContain(session.id);
    expect(await store.touch(session.id)).toEqual({ keyId: 'key_1', workspaceId: 'ws_1', csrfToken: session.csrfToken, createdAt: session.createdAt });
    expect(await store.touch('x'.repeat(43))).toBeUndefined();
    expect(await store.touch('not an id')).toBeUndefined();
  });

  it('ends a session idle too long or begun too long ago; a touch after a tenth of the idle time keeps it alive', async () => {
    // Its mark may lag its last request by a tenth of the idle time (6 s): 61 s without a mark is not yet idle, 67 s is.
    const marked = await store.create({ keyId: null, workspaceId: 'default' });
    await age(marked.id, 'last_seen_at', '61 seconds');
    expect(await store.touch(marked.id)).toBeDefined();
    const idle = await store.create({ keyId: null, workspaceId: 'default' });
    await age(idle.id, 'last_seen_at', '67 seconds');
    expect(await store.touch(idle.id)).toBeUndefined();
    const old = await store.create({ keyId: null, workspaceId: 'default' });
    await age(old.id, 'created_at', '1 hour 1 second');
    expect(await store.touch(old.id)).toBeUndefined();
    const kept = await store.create({ keyId: null, workspaceId: 'default' });
    await age(kept.id, 'last_seen_at', '50 seconds');
    const before = await lastSeen(kept.id);
    expect(await store.touch(kept.id)).toBeDefined();
    expect((await lastSeen(kept.id)).getTime()).toBeGreaterThan(before.getTime());
    // Seen a moment ago: not written again.
    const seen = await lastSeen(kept.id);
    await store.touch(kept.id);
    expect((await lastSeen(kept.id)).getTime()).toBe(seen.getTime());
  });

  it('deletes one session, every session of a key, and purges the ended ones in batches', async () => {
    await db.dataSource.query('DELETE FROM console_sessions');
    const one = await store.create({ keyId: 'key_2', workspaceId: 'ws_1' });
    const two = await store.create({ keyId: 'key_2', workspaceId: 'ws_1' });
    const other = await store.create({ keyId: 'key_3', workspaceId: 'ws_1' });
    expect(await store.delete(one.id)).toBe(true);
    expect(await store.delete(one.id)).toBe(false);
    expect(await store.deleteForKey('key_2')).toBe(1);
    expect(await store.touch(two.id)).toBeUndefined();
    expect(await store.touch(other.id)).toBeDefined();
    const ended = await Promise.all([1, 2, 3].map(() => store.create({ keyId: null, workspaceId: 'default' })));
    for (const s of ended) await age(s.id, 'last_seen_at', '2 minutes');
    expect(await store.purgeExpired(2)).toBe(2);
    expect(await store.purgeExpired(2)).toBe(1);
    expect(await store.purgeExpired(2)).toBe(0);
    expect(await store.touch(other.id)).toBeDefined();
  });
});
