import type { DataSource } from 'typeorm';
import type { RateLimitNotice } from '@keyward/contracts';
import { noticeId } from '../delivery-id';
import { enqueueNotification } from '../enqueue-deliveries';
import { webhookPayload, type WebhookNotification } from '../webhook-notification';

/** The body of a `key.rate_limited` delivery: the key, its limit and the window it ran out in. */
export const rateLimitedNotification = (notice: RateLimitNotice, now: Date): WebhookNotification => {
  const windowEnd = new Date(Date.parse(notice.windowStart) + notice.windowSeconds * 1000).toISOString();
  const data = { keyId: notice.keyId, workspaceId: notice.workspaceId, limit: notice.limit, windowSeconds: notice.windowSeconds, windowStart: notice.windowStart, windowEnd };
  return { workspaceId: notice.workspaceId, type: 'key.rate_limited', payload: webhookPayload('key.rate_limited', now.toISOString(), data) };
};

/**
 * Enqueues `key.rate_limited` for the notice's key and window unless it was enqueued already (the
 * record and the deliveries in one transaction): at most once per key per window, however many
 * verifiers noticed it and however often a notice comes again. Answers the deliveries added, or
 * `undefined` for a notice seen before, or one whose key is not of the workspace it names (the
 * read models' `keys`): a forged or garbled notice never reaches another workspace's endpoints.
 * (A key so new the read models have not shown it yet loses its notice: the projector is
 * milliseconds behind a write, a key is limited only after many verifies.)
 */
export const enqueueRateLimitNotice = (dataSource: DataSource, notice: RateLimitNotice, now: Date = new Date()): Promise<number | undefined> =>
  dataSource.transaction(async (manager) => {
    const first: unknown[] = await manager.query(
      `INSERT INTO key_rate_limit_notices (key_id, window_start, workspace_id, noticed_at)
       SELECT $1, $2, $3, $4 WHERE EXISTS (SELECT 1 FROM keys WHERE id = $1 AND workspace_id = $3)
       ON CONFLICT DO NOTHING RETURNING key_id`,
      [notice.keyId, notice.windowStart, notice.workspaceId, now],
    );
    if (first.length === 0) return undefined;
    return enqueueNotification(manager, rateLimitedNotification(notice, now), noticeId(`key.rate_limited:${notice.keyId}:${notice.windowStart}`), now);
  });

/** A notice's record is needed while a copy of it may still come: the stream keeps one a day at most. */
export const purgeRateLimitNotices = async (dataSource: DataSource, olderThan: Date): Promise<void> => {
  await dataSource.query(`DELETE FROM key_rate_limit_notices WHERE noticed_at < $1`, [olderThan]);
};
