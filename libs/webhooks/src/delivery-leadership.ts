import type { PoolClient, QueryConfig } from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';

interface LockConnection {
  readonly runner: QueryRunner;
  readonly client: PoolClient;
}

/** Arbitrary but fixed, beside the migrations' lock: the one delivery loop of a deployment. */
const DELIVERY_LOCK = 7_316_013;
/** A lock connection that does not answer within this is taken as lost (on a half-open socket a query would wait forever). */
const RECHECK_TIMEOUT_MS = 2_000;
/** pg's own client-side bound (`query_timeout`, read per query though its types leave it out). */
const bounded = (text: string, values: unknown[] = []): QueryConfig & { query_timeout: number } => ({ text, values, query_timeout: RECHECK_TIMEOUT_MS });

/**
 * One sender replica delivers at a time, so that two never send an endpoint's queue side by side
 * (which would break its order): a PostgreSQL session advisory lock on a connection of its own.
 * It goes with the session, so a replica whose process dies (even `kill -9`) hands over at once;
 * one whose host vanishes hands over when the server finds the session dead (TCP keepalives set
 * on the lock's session: about a minute). The holder checks its connection at each look, bounded in
 * time, and stops sending the moment it cannot tell; a try it had in flight is recorded only if the
 * delivery is still as it was handed out (`DeliveryStore.recordAttempt`), so a new holder's
 * records are never undone. The others keep following the history (their checkpoint is shared)
 * and try the lock at each look.
 */
export class DeliveryLeadership {
  private lock: LockConnection | undefined;
  private checkedAt = 0;

  constructor(
    private readonly dataSource: DataSource,
    /** How long a held lock is trusted before its connection is checked again. */
    private readonly recheckMs: number,
  ) {}

  async held(): Promise<boolean> {
    try {
      if (this.lock) {
        if (Date.now() - this.checkedAt >= this.recheckMs) {
          try {
            await this.lock.client.query(bounded('SELECT 1'));
          } catch {
            this.drop();
            return false;
          }
          this.checkedAt = Date.now();
        }
        return true;
      }
      const runner = this.dataSource.createQueryRunner();
      // The runner's own pg client: queried directly, its queries can be bounded in time.
      const client = (await runner.connect()) as PoolClient;
      const lock = { runner, client };
      try {
        // The server's side: a session whose host vanished is found dead (its lock freed) in about a minute, not hours.
        await client.query(bounded('SET tcp_keepalives_idle = 30; SET tcp_keepalives_interval = 10; SET tcp_keepalives_count = 3'));
        const [{ locked }] = (await client.query<{ locked: boolean }>(bounded('SELECT pg_try_advisory_lock($1) AS locked', [DELIVERY_LOCK]))).rows;
        if (!locked) {
          await runner.release();
          return false;
        }
      } catch (error) {
        this.lock = lock;
        throw error;
      }
      this.lock = lock;
      this.checkedAt = Date.now();
      return true;
    } catch {
      // The connection (and with it the lock) is gone, or the database is down: deliver nothing until it is back.
      this.drop();
      return false;
    }
  }

  /**
   * A connection that cannot answer is ended, not unlocked over (that would hang too), and the pool
   * drops an ended client instead of lending it again; its session's end frees the lock.
   */
  private drop(): void {
    const lock = this.lock;
    this.lock = undefined;
    if (!lock) return;
    void lock.client.end().catch(() => undefined);
    void lock.runner.release().catch(() => undefined);
  }

  /** Unlocks before the connection goes back to the pool, where a lock would otherwise stay. */
  async release(): Promise<void> {
    const lock = this.lock;
    if (!lock) return;
    try {
      await lock.client.query(bounded('SELECT pg_advisory_unlock($1)', [DELIVERY_LOCK]));
      this.lock = undefined;
      await lock.runner.release().catch(() => undefined);
    } catch {
      this.drop();
    }
  }
}
