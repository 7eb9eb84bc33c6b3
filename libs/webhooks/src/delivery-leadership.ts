import type { DataSource, QueryRunner } from 'typeorm';

/** Arbitrary but fixed, beside the migrations' lock: the one delivery loop of a deployment. */
const DELIVERY_LOCK = 7_316_013;

/**
 * One sender replica delivers at a time, so that two never send an endpoint's queue side by side
 * (which would break its order): a PostgreSQL session advisory lock on a connection of its own.
 * It goes with the session, so a replica that dies (even `kill -9`) hands over at once; the others
 * keep following the history (their checkpoint is shared) and try the lock at each look.
 */
export class DeliveryLeadership {
  private runner: QueryRunner | undefined;
  private checkedAt = 0;

  constructor(
    private readonly dataSource: DataSource,
    /** How long a held lock is trusted before its connection is checked again. */
    private readonly recheckMs: number,
  ) {}

  async held(): Promise<boolean> {
    try {
      if (this.runner) {
        if (Date.now() - this.checkedAt >= this.recheckMs) {
          await this.runner.query('SELECT 1');
          this.checkedAt = Date.now();
        }
        return true;
      }
      const runner = this.dataSource.createQueryRunner();
      await runner.connect();
      const [{ locked }]: { locked: boolean }[] = await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [DELIVERY_LOCK]);
      if (!locked) {
        await runner.release();
        return false;
      }
      this.runner = runner;
      this.checkedAt = Date.now();
      return true;
    } catch {
      // The connection (and with it the lock) is gone, or the database is down: deliver nothing until it is back.
      await this.release();
      return false;
    }
  }

  /** Unlocks before the connection goes back to the pool, where a lock would otherwise stay. */
  async release(): Promise<void> {
    const runner = this.runner;
    this.runner = undefined;
    if (!runner) return;
    await runner.query('SELECT pg_advisory_unlock($1)', [DELIVERY_LOCK]).catch(() => undefined);
    await runner.release().catch(() => undefined);
  }
}
