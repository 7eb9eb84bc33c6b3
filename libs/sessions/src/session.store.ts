import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** Who signed in: a key of a workspace, or the root key (`keyId` null, workspace `default`). */
export interface SessionOwner {
  readonly keyId: string | null;
  readonly workspaceId: string;
}

/** A live session, as a request made with its cookie finds it. */
export interface ConsoleSession extends SessionOwner {
  readonly csrfToken: string;
  readonly createdAt: string;
}

/** A new session: `id` goes in the cookie and nowhere else; only its digest is kept. */
export interface NewSession extends ConsoleSession {
  readonly id: string;
}

/** When sessions end: after `idleMs` without a request, and `maxMs` after sign-in whatever happens. */
export interface SessionLifetimes {
  readonly idleMs: number;
  readonly maxMs: number;
}

/** product.md section 11: idle sessions end after 12 hours; none lives more than 7 days. */
export const DEFAULT_SESSION_LIFETIMES: SessionLifetimes = { idleMs: 12 * 3_600_000, maxMs: 7 * 24 * 3_600_000 };

const TABLE = 'console_sessions';
/** 256 random bits, base64url: what the cookie carries. */
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

/** How stale a session's last-seen mark may get before a request writes it again. */
const markEvery = (idleMs: number): number => Math.floor(idleMs / 10);

const digest = (id: string): Buffer => createHash('sha256').update(id, 'utf8').digest();

interface SessionRow {
  key_id: string | null;
  workspace_id: string;
  csrf_token: string;
  created_at: Date;
}

const sessionOf = (row: SessionRow): ConsoleSession => ({ keyId: row.key_id, workspaceId: row.workspace_id, csrfToken: row.csrf_token, createdAt: row.created_at.toISOString() });

/**
 * The console's server-side sessions, in PostgreSQL so that every gateway replica shares them and
 * sign-out is real. Times are the database's, so replicas agree on them.
 */
export class SessionStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lifetimes: SessionLifetimes = DEFAULT_SESSION_LIFETIMES,
  ) {}

  async create(owner: SessionOwner): Promise<NewSession> {
    const id = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const [row] = await this.dataSource.query<SessionRow[]>(
      `INSERT INTO ${TABLE} (id_hash, key_id, workspace_id, csrf_token, created_at, last_seen_at)
       VALUES ($1, $2, $3, $4, now(), now()) RETURNING key_id, workspace_id, csrf_token, created_at`,
      [digest(id), owner.keyId, owner.workspaceId, csrfToken],
    );
    return { id, ...sessionOf(row) };
  }

  /**
   * The live session `id` names, marking it seen now; undefined for an unknown, idle or too old
   * one. The mark is written at most once per tenth of the idle time, not on every request, so a
   * mark may be up to a tenth older than the last request: a session ends after the idle time plus
   * that tenth without a mark, never before the idle time after its last request.
   */
  async touch(id: string): Promise<ConsoleSession | undefined> {
    if (!SESSION_ID.test(id)) return undefined;
    const { idleMs, maxMs } = this.lifetimes;
    const rows = await this.dataSource.query<SessionRow[]>(
      `WITH live AS (
         SELECT id_hash, key_id, workspace_id, csrf_token, created_at, last_seen_at FROM ${TABLE}
         WHERE id_hash = $1 AND last_seen_at > now() - $2 * interval '1 millisecond' AND created_at > now() - $3 * interval '1 millisecond'
       ), seen AS (
         UPDATE ${TABLE} s SET last_seen_at = now() FROM live
         WHERE s.id_hash = live.id_hash AND live.last_seen_at < now() - $4 * interval '1 millisecond'
       )
       SELECT key_id, workspace_id, csrf_token, created_at FROM live`,
      [digest(id), idleMs + markEvery(idleMs), maxMs, markEvery(idleMs)],
    );
    return rows[0] ? sessionOf(rows[0]) : undefined;
  }

  /** Ends the session `id` names (sign-out); answers whether there was one. */
  async delete(id: string): Promise<boolean> {
    if (!SESSION_ID.test(id)) return false;
    const [, count] = await this.dataSource.query<[unknown, number]>(`DELETE FROM ${TABLE} WHERE id_hash = $1`, [digest(id)]);
    return count > 0;
  }

  /** Ends every session of a key the verifiers no longer accept (revoked, deleted, expired). */
  async deleteForKey(keyId: string): Promise<number> {
    const [, count] = await this.dataSource.query<[unknown, number]>(`DELETE FROM ${TABLE} WHERE key_id = $1`, [keyId]);
    return count;
  }

  /** Deletes up to `limit` ended sessions (reads ignore them already); answers how many. */
  async purgeExpired(limit: number): Promise<number> {
    const { idleMs, maxMs } = this.lifetimes;
    const [, count] = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM ${TABLE} WHERE id_hash IN (
         SELECT id_hash FROM ${TABLE}
         WHERE last_seen_at <= now() - $1 * interval '1 millisecond' OR created_at <= now() - $2 * interval '1 millisecond'
         LIMIT $3)`,
      [idleMs + markEvery(idleMs), maxMs, limit],
    );
    return count;
  }
}
