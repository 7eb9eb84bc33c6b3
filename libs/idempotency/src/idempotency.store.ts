import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { IDEMPOTENCY_WINDOW_MS, type PositionToken } from '@keyward/contracts';
import { withholdSecrets } from '@keyward/domain';

/** What a request with an `Idempotency-Key` is to do. */
export type IdempotencyClaim =
  /** Go ahead: the key is this request's until it completes or releases it (or the lease runs out). */
  | { readonly outcome: 'claimed'; readonly token: string }
  /**
   * Answer this, as the first request with the key was answered (secrets withheld), once the
   * followers have reached `position`, the write's (absent when it sent no command).
   */
  | { readonly outcome: 'replay'; readonly status: number; readonly body: unknown; readonly position?: PositionToken }
  /** The key was used for another request (another caller, route or body). */
  | { readonly outcome: 'conflict' }
  /** The same request is being worked on by someone else: wait, or give up. */
  | { readonly outcome: 'busy' };

/**
 * How long a claim holds without being renewed: its holder renews it while the request runs, so a
 * claim whose gateway died lapses this soon after and a retry takes over.
 */
export const IDEMPOTENCY_LEASE_MS = 3_000;

const TABLE = 'idempotency_records';

/**
 * The gateway's record of `Idempotency-Key`s (product.md section 7), in PostgreSQL so that every
 * gateway replica shares it and a restart forgets nothing. The answer of a completed request is
 * kept without its secrets. Times are the database's, so replicas agree on them.
 */
export class IdempotencyStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly leaseMs = IDEMPOTENCY_LEASE_MS,
  ) {}

  async claim(scope: string, key: string, fingerprint: string): Promise<IdempotencyClaim> {
    const token = randomUUID();
    // A new key, or one whose 24 hours are over: this request's from now on.
    const fresh = await this.rows(
      `INSERT INTO ${TABLE} AS r (scope, idempotency_key, fingerprint, created_at, claim_token, claimed_until)
       VALUES ($1, $2, $3, now(), $4, now() + $5 * interval '1 millisecond')
       ON CONFLICT (scope, idempotency_key) DO UPDATE
         SET fingerprint = excluded.fingerprint, created_at = excluded.created_at, claim_token = excluded.claim_token,
             claimed_until = excluded.claimed_until, response_status = NULL, response_body = NULL, response_position = NULL
         WHERE r.created_at <= now() - $6 * interval '1 millisecond'
       RETURNING 1`,
      [scope, key, fingerprint, token, this.leaseMs, IDEMPOTENCY_WINDOW_MS],
    );
    if (fresh.length > 0) return { outcome: 'claimed', token };
    // The same request, not answered yet, and nobody on it (its attempt failed, or its gateway died).
    const resumed = await this.rows(
      `UPDATE ${TABLE} SET claim_token = $4, claimed_until = now() + $5 * interval '1 millisecond'
       WHERE scope = $1 AND idempotency_key = $2 AND fingerprint = $3 AND response_status IS NULL
         AND (claimed_until IS NULL OR claimed_until < now()) AND created_at > now() - $6 * interval '1 millisecond'
       RETURNING 1`,
      [scope, key, fingerprint, token, this.leaseMs, IDEMPOTENCY_WINDOW_MS],
    );
    if (resumed.length > 0) return { outcome: 'claimed', token };
    const [row] = await this.rows<{ fingerprint: string; response_status: number | null; response_body: unknown; response_position: string | null }>(
      `SELECT fingerprint, response_status, response_body, response_position FROM ${TABLE}
       WHERE scope = $1 AND idempotency_key = $2 AND created_at > now() - $3 * interval '1 millisecond'`,
      [scope, key, IDEMPOTENCY_WINDOW_MS],
    );
    // Gone since (released, or just expired): the caller asks again.
    if (row === undefined) return { outcome: 'busy' };
    if (row.fingerprint !== fingerprint) return { outcome: 'conflict' };
    if (row.response_status !== null) {
      return { outcome: 'replay', status: row.response_status, body: row.response_body, ...(row.response_position === null ? {} : { position: row.response_position }) };
    }
    return { outcome: 'busy' };
  }

  /** Renews the lease of a request still running; answers false when the claim was lost (taken over). */
  async renew(scope: string, key: string, token: string): Promise<boolean> {
    const rows = await this.rows(
      `UPDATE ${TABLE} SET claimed_until = now() + $4 * interval '1 millisecond'
       WHERE scope = $1 AND idempotency_key = $2 AND claim_token = $3 RETURNING 1`,
      [scope, key, token, this.leaseMs],
    );
    return rows.length > 0;
  }

  /**
   * Keeps the answer of a claimed request, secrets withheld, and the position of what it wrote. A
   * claim taken over meanwhile is left to its new holder.
   */
  async complete(scope: string, key: string, token: string, status: number, body: unknown, position?: PositionToken): Promise<void> {
    await this.rows(
      `UPDATE ${TABLE} SET response_status = $4, response_body = $5::json, response_position = $6, claim_token = NULL, claimed_until = NULL
       WHERE scope = $1 AND idempotency_key = $2 AND claim_token = $3`,
      [scope, key, token, status, JSON.stringify(withholdSecrets(body)), position ?? null],
    );
  }

  /**
   * The request failed. `forget` when it certainly wrote nothing (refused): the key is free for
   * any request again. Otherwise (the outcome is unknown) it stays bound to this request, which
   * may be retried.
   */
  async release(scope: string, key: string, token: string, forget: boolean): Promise<void> {
    await this.rows(
      forget
        ? `DELETE FROM ${TABLE} WHERE scope = $1 AND idempotency_key = $2 AND claim_token = $3 RETURNING 1`
        : `UPDATE ${TABLE} SET claim_token = NULL, claimed_until = NULL WHERE scope = $1 AND idempotency_key = $2 AND claim_token = $3 RETURNING 1`,
      [scope, key, token],
    );
  }

  /** Deletes up to `limit` rows past their 24 hours (they are ignored already); answers how many. */
  async purgeExpired(limit: number): Promise<number> {
    const rows = await this.rows(
      `DELETE FROM ${TABLE} WHERE ctid IN (
         SELECT ctid FROM ${TABLE} WHERE created_at <= now() - $1 * interval '1 millisecond' LIMIT $2
       ) RETURNING 1`,
      [IDEMPOTENCY_WINDOW_MS, limit],
    );
    return rows.length;
  }

  /** Rows of any statement (TypeORM answers `[rows, count]` for UPDATE and DELETE unless asked for its structured result). */
  private async rows<Row = unknown>(sql: string, parameters: readonly unknown[]): Promise<Row[]> {
    const runner = this.dataSource.createQueryRunner();
    try {
      return (await runner.query(sql, [...parameters], true)).records as Row[];
    } finally {
      await runner.release();
    }
  }
}
