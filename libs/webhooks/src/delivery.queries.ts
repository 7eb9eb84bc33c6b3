import type { DataSource } from 'typeorm';
import type { WebhookAttemptView, WebhookDeliveryStatus, WebhookDeliveryView, WebhookEventType } from '@keyward/contracts';

interface DeliveryRow {
  id: string;
  seq: string;
  webhook_id: string;
  event_id: string;
  event_type: WebhookEventType;
  status: WebhookDeliveryStatus;
  created_at: Date;
  delivered_at: Date | null;
  next_attempt_at: Date | null;
  attempts: { attemptedAt: string; status: number | null; durationMs: number; error: string | null }[];
}

export interface DeliveryPage {
  readonly items: WebhookDeliveryView[];
  /** Pass as `cursor` for the next (older) page; `null` on the last. */
  readonly nextCursor: string | null;
}

/** A cursor is the queue position of the last delivery of a page; anything else names no page. */
export const isDeliveryCursor = (value: string): boolean => /^[1-9][0-9]{0,17}$/.test(value);

/** Reads of an endpoint's deliveries with their attempts, for `GET /v1/webhooks/:id/deliveries`. */
export class DeliveryQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first; only the workspace's own endpoint shows any. */
  async page(workspaceId: string, webhookId: string, limit: number, cursor?: string): Promise<DeliveryPage> {
    const rows: DeliveryRow[] = await this.dataSource.query(
      `SELECT d.id, d.seq::text AS seq, d.webhook_id, d.event_id, d.event_type, d.status, d.created_at, d.delivered_at, d.next_attempt_at,
         COALESCE((SELECT jsonb_agg(jsonb_build_object('attemptedAt', a.attempted_at, 'status', a.status, 'durationMs', a.duration_ms, 'error', a.error) ORDER BY a.attempt)
                   FROM webhook_delivery_attempts a WHERE a.delivery_id = d.id), '[]'::jsonb) AS attempts
       FROM webhook_deliveries d
       WHERE d.webhook_id = $1 AND d.workspace_id = $2 AND ($3::bigint IS NULL OR d.seq < $3::bigint)
       ORDER BY d.seq DESC LIMIT $4`,
      [webhookId, workspaceId, cursor ?? null, limit + 1],
    );
    const items = rows.slice(0, limit).map(
      (r): WebhookDeliveryView => ({
        id: r.id,
        webhookId: r.webhook_id,
        eventType: r.event_type,
        eventId: r.event_id,
        status: r.status,
        createdAt: r.created_at.toISOString(),
        deliveredAt: r.delivered_at?.toISOString() ?? null,
        nextAttemptAt: r.next_attempt_at?.toISOString() ?? null,
        attempts: r.attempts.map((a): WebhookAttemptView => ({ attemptedAt: new Date(a.attemptedAt).toISOString(), status: a.status, durationMs: a.durationMs, error: a.error })),
      }),
    );
    return { items, nextCursor: rows.length > limit ? rows[limit - 1].seq : null };
  }
}
