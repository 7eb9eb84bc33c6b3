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

/** The sender's delivery queue in PostgreSQL: deliveries and attempts survive any restart. */
export class DeliveryStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The heads of the endpoints' queues that are due, endpoints in `busy` left out (a try of theirs
   * is in flight): a delivery waits until every older one of its endpoint is settled.
   */
  async dueHeads(busy: readonly string[], limit: number): Promise<DueDelivery[]> {
    const rows: DueRow[] = await this.dataSource.query(
      `SELECT id, webhook_id, workspace_id, payload, event_at, attempt_count, first_attempt_at FROM (
         SELECT DISTINCT ON (webhook_id) id, webhook_id, workspace_id, payload, event_at, attempt_count, first_attempt_at, next_attempt_at
         FROM webhook_deliveries WHERE status = 'pending' AND NOT (webhook_id = ANY($1::text[])) ORDER BY webhook_id, seq
       ) heads WHERE next_attempt_at <= now() ORDER BY next_attempt_at LIMIT $2`,
      [busy, limit],
    );
    return rows.map((r) => ({ id: r.id, webhookId: r.webhook_id, workspaceId: r.workspace_id, payload: r.payload, eventAt: r.event_at, attemptCount: r.attempt_count, firstAttemptAt: r.first_attempt_at }));
  }

  /** The try and what follows from it, in one transaction; a failure for good abandons what queued behind it. */
  async recordAttempt(delivery: DueDelivery, attempt: AttemptRecord, outcome: AttemptOutcome): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const number = delivery.attemptCount + 1;
      await manager.query(
        `INSERT INTO webhook_delivery_attempts (delivery_id, attempt, attempted_at, status, duration_ms, error) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
        [delivery.id, number, attempt.attemptedAt, attempt.status, attempt.durationMs, attempt.error],
      );
      const status = outcome.kind === 'retry' ? 'pending' : outcome.kind;
      await manager.query(
        `UPDATE webhook_deliveries SET status = $2, attempt_count = $3, first_attempt_at = COALESCE(first_attempt_at, $4),
           next_attempt_at = $5, delivered_at = $6 WHERE id = $1`,
        [delivery.id, status, number, attempt.attemptedAt, outcome.kind === 'retry' ? outcome.nextAttemptAt : null, outcome.kind === 'delivered' ? new Date() : null],
      );
      if (outcome.kind === 'failed') await manager.query(`UPDATE webhook_deliveries SET status = 'abandoned', next_attempt_at = NULL WHERE webhook_id = $1 AND status = 'pending'`, [delivery.webhookId]);
    });
  }

  /** The endpoint is gone or off: nothing queued for it is sent. */
  async abandonPending(webhookId: string): Promise<void> {
    await this.dataSource.query(`UPDATE webhook_deliveries SET status = 'abandoned', next_attempt_at = NULL WHERE webhook_id = $1 AND status = 'pending'`, [webhookId]);
  }
}
