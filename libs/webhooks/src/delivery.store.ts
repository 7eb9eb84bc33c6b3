import type { DataSource } from 'typeorm';

/** The head of an endpoint's queue: the oldest delivery not yet delivered, failed or abandoned. */
export interface DueDelivery {
  readonly id: string;
  readonly webhookId: string;
  readonly workspaceId: string;
  readonly payload: string;
  readonly eventAt: Date;
  readonly attemptCount: number;
  readonly firstAttemptAt: Date | null;
}

/** One try as it went: the answer's status, or why none came. */
export interface AttemptRecord {
  readonly attemptedAt: Date;
  readonly status: number | null;
  readonly durationMs: number;
  readonly error: string | null;
}

/** What a try leads to: delivered, tried again at `nextAttemptAt`, or failed for good. */
export type AttemptOutcome = { readonly kind: 'delivered' } | { readonly kind: 'retry'; readonly nextAttemptAt: Date } | { readonly kind: 'failed' };

interface DueRow {
  id: string;
  webhook_id: string;
  workspace_id: string;
  payload: string;
  event_at: Date;
  attempt_count: number;
  first_attempt_at: Date | null;
}

/** A delivery that failed for good whose endpoint is still to be disabled and reported. */
export interface FailedDelivery {
  readonly id: string;
  readonly webhookId: string;
  readonly workspaceId: string;
  /** Its last try's error. */
  readonly error: string | null;
}

/** Tries in flight per workspace, so that one tenant's slow endpoints never hold every slot. */
export type InFlightByWorkspace = ReadonlyMap<string, number>;

/** The sender's delivery queue in PostgreSQL: deliveries and attempts survive any restart. */
export class DeliveryStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The heads of the endpoints' queues that are due, endpoints in `busy` left out (a try of theirs
   * is in flight): a delivery waits until every older one of its endpoint is settled. Each head is
   * read per endpoint through the pending index (one row each, not every pending row), and no
   * workspace gets more than `perWorkspace` tries in flight, counting those in `inFlight`.
   */
  async dueHeads(busy: readonly string[], limit: number, inFlight: InFlightByWorkspace = new Map(), perWorkspace = limit): Promise<DueDelivery[]> {
    const rows: DueRow[] = await this.dataSource.query(
      `WITH heads AS (
         SELECT d.id, d.webhook_id, d.workspace_id, d.payload, d.event_at, d.attempt_count, d.first_attempt_at, d.next_attempt_at
         FROM webhook_endpoints e
         CROSS JOIN LATERAL (
           SELECT * FROM webhook_deliveries d WHERE d.webhook_id = e.webhook_id AND d.status = 'pending' ORDER BY d.seq LIMIT 1
         ) d
         WHERE NOT (e.webhook_id = ANY($1::text[])) AND d.next_attempt_at <= now()
       ), ranked AS (
         SELECT heads.*, row_number() OVER (PARTITION BY heads.workspace_id ORDER BY heads.next_attempt_at) + COALESCE(f.n, 0) AS place
         FROM heads LEFT JOIN unnest($2::text[], $3::int[]) AS f(workspace_id, n) ON f.workspace_id = heads.workspace_id
       )
       SELECT id, webhook_id, workspace_id, payload, event_at, attempt_count, first_attempt_at FROM ranked
       WHERE place <= $4 ORDER BY next_attempt_at LIMIT $5`,
      [busy, [...inFlight.keys()], [...inFlight.values()], perWorkspace, limit],
    );
    return rows.map((r) => ({ id: r.id, webhookId: r.webhook_id, workspaceId: r.workspace_id, payload: r.payload, eventAt: r.event_at, attemptCount: r.attempt_count, firstAttemptAt: r.first_attempt_at }));
  }

  /**
   * The try and what follows from it, in one transaction; a failure for good abandons what queued
   * behind it and marks the endpoint to be disabled (`failedToReport`). Recorded only if the
   * delivery is still as it was handed out (pending, the same number of tries): a try of a replica
   * that lost the delivery lock meanwhile cannot undo what the new holder recorded. Answers whether
   * it was recorded.
   */
  async recordAttempt(delivery: DueDelivery, attempt: AttemptRecord, outcome: AttemptOutcome): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const number = delivery.attemptCount + 1;
      const status = outcome.kind === 'retry' ? 'pending' : outcome.kind;
      const [, updated]: [unknown, number] = await manager.query(
        `UPDATE webhook_deliveries SET status = $2, attempt_count = $3, first_attempt_at = COALESCE(first_attempt_at, $4),
           next_attempt_at = $5, delivered_at = $6, disable_pending = $7 WHERE id = $1 AND status = 'pending' AND attempt_count = $8`,
        [delivery.id, status, number, attempt.attemptedAt, outcome.kind === 'retry' ? outcome.nextAttemptAt : null, outcome.kind === 'delivered' ? new Date() : null, outcome.kind === 'failed', delivery.attemptCount],
      );
      if (updated === 0) return false;
      await manager.query(
        `INSERT INTO webhook_delivery_attempts (delivery_id, attempt, attempted_at, status, duration_ms, error) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
        [delivery.id, number, attempt.attemptedAt, attempt.status, attempt.durationMs, attempt.error],
      );
      if (outcome.kind === 'failed') await manager.query(`UPDATE webhook_deliveries SET status = 'abandoned', next_attempt_at = NULL WHERE webhook_id = $1 AND status = 'pending'`, [delivery.webhookId]);
      return true;
    });
  }

  /** Deliveries failed for good whose endpoint's disabling is not yet recorded: after a crash, too. */
  async failedToReport(limit: number): Promise<FailedDelivery[]> {
    const rows: { id: string; webhook_id: string; workspace_id: string; error: string | null }[] = await this.dataSource.query(
      `SELECT d.id, d.webhook_id, d.workspace_id, a.error FROM webhook_deliveries d
       LEFT JOIN LATERAL (SELECT error FROM webhook_delivery_attempts WHERE delivery_id = d.id ORDER BY attempt DESC LIMIT 1) a ON true
       WHERE d.disable_pending ORDER BY d.id LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({ id: r.id, webhookId: r.webhook_id, workspaceId: r.workspace_id, error: r.error }));
  }

  /** Its endpoint is disabled now (or was already, or is gone). */
  async reported(deliveryId: string): Promise<void> {
    await this.dataSource.query(`UPDATE webhook_deliveries SET disable_pending = false WHERE id = $1`, [deliveryId]);
  }

  /** The endpoint is gone or off: nothing queued for it is sent. */
  async abandonPending(webhookId: string): Promise<void> {
    await this.dataSource.query(`UPDATE webhook_deliveries SET status = 'abandoned', next_attempt_at = NULL WHERE webhook_id = $1 AND status = 'pending'`, [webhookId]);
  }

  /** Settled deliveries (and their attempts) older than `before`, at most `limit` at a time; answers how many went. */
  async purgeSettled(before: Date, limit: number): Promise<number> {
    const [, deleted]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM webhook_deliveries WHERE id IN (
         SELECT id FROM webhook_deliveries WHERE status <> 'pending' AND NOT disable_pending AND created_at < $1 ORDER BY created_at LIMIT $2)`,
      [before, limit],
    );
    return deleted;
  }
}
