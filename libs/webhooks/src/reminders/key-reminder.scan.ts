import type { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_STALE_AFTER_DAYS, dueKeyReminders, EXPIRES_SOON_MS, type DueKeyReminder } from '@keyward/domain';
import { keyStatusOf } from '@keyward/read-models';
import { enqueueNotification } from '../enqueue-deliveries';
import { keyReminderId, keyReminderNotification, type RemindedKey } from './key-reminder.notification';

/** Keys read and decided on per transaction: a first scan of a large table is many short ones. */
const CHUNK = 500;

interface CandidateRow {
  id: string;
  workspace_id: string;
  name: string;
  lifecycle: 'active' | 'revoked';
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
  expiring_for: Date | null;
  stale_for: Date | null;
  stale_after_days: number;
}

/** What one scan found and sent. */
export interface KeyReminderScanResult {
  readonly keysRead: number;
  /** Reminders recorded now (each sent to every endpoint that wants it, perhaps none). */
  readonly reminded: Readonly<Record<DueKeyReminder['kind'], number>>;
  readonly deliveries: number;
}

/**
 * Narrows the key table to the keys that may be due a reminder not yet sent, in key order from
 * `after`: live, and either expiring within the domain's seven days or unused for its own
 * workspace's `staleAfterDays` (the workspace joined here, the default where it names none), with
 * no reminder recorded for what it would be for. Only a narrowing: each candidate is decided by
 * the domain's rules (`dueKeyReminders`, with the same days).
 */
const CANDIDATES = `
  SELECT k.id, k.workspace_id, k.name, k.lifecycle, k.created_at, k.expires_at, u.last_used_at, re.reminded_for AS expiring_for, rs.reminded_for AS stale_for, s.stale_after_days
  FROM keys k
  LEFT JOIN key_usage u ON u.workspace_id = k.workspace_id AND u.key_id = k.id
  LEFT JOIN key_reminders re ON re.key_id = k.id AND re.kind = 'key.expiring'
  LEFT JOIN key_reminders rs ON rs.key_id = k.id AND rs.kind = 'key.stale'
  LEFT JOIN workspaces w ON w.id = k.workspace_id
  CROSS JOIN LATERAL (
    SELECT CASE WHEN jsonb_typeof(w.settings->'staleAfterDays') = 'number' THEN (w.settings->>'staleAfterDays')::int ELSE $4::int END AS stale_after_days
  ) s
  WHERE k.id > $1 AND k.lifecycle = 'active' AND (k.expires_at IS NULL OR k.expires_at > $2)
    AND ((k.expires_at <= $3 AND re.reminded_for IS DISTINCT FROM k.expires_at)
      OR (COALESCE(u.last_used_at, k.created_at) <= $2::timestamptz - make_interval(days => s.stale_after_days)
        AND rs.reminded_for IS DISTINCT FROM COALESCE(u.last_used_at, k.created_at)))
  ORDER BY k.id LIMIT $5`;

/**
 * Records a reminder unless one for the same thing is recorded already, answering whether this
 * call recorded it. Concurrent scans serialise on the row: the second finds the first's value
 * and records nothing, so a reminder is sent once however many scanners run.
 */
const recordReminder = async (manager: EntityManager, key: RemindedKey, reminder: DueKeyReminder, now: Date): Promise<boolean> => {
  const rows: unknown[] = await manager.query(
    `INSERT INTO key_reminders (key_id, kind, workspace_id, reminded_for, reminded_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (key_id, kind) DO UPDATE SET reminded_for = EXCLUDED.reminded_for, reminded_at = EXCLUDED.reminded_at
     WHERE key_reminders.reminded_for IS DISTINCT FROM EXCLUDED.reminded_for
     RETURNING key_id`,
    [key.keyId, reminder.kind, key.workspaceId, new Date(reminder.forMs), now],
  );
  return rows.length === 1;
};

const lastRemindedFor = (row: CandidateRow, reminder: DueKeyReminder): Date | null => (reminder.kind === 'key.expiring' ? row.expiring_for : row.stale_for);

/**
 * One scan of the key table at `now` (product.md 9.3): every live key expiring within seven days
 * is reminded of once per expiry (`key.expiring`), every stale key once per stale spell
 * (`key.stale`), by its workspace's `staleAfterDays`. Each reminder is recorded in
 * `key_reminders` in the transaction that enqueues its deliveries, so a restart or a second
 * scanner neither loses nor repeats one.
 */
export const scanKeyReminders = async (dataSource: DataSource, now: Date): Promise<KeyReminderScanResult> => {
  const reminded = { 'key.expiring': 0, 'key.stale': 0 };
  let keysRead = 0;
  let deliveries = 0;
  for (let after = ''; ; ) {
    const rows: CandidateRow[] = await dataSource.query(CANDIDATES, [after, now, new Date(now.getTime() + EXPIRES_SOON_MS), DEFAULT_STALE_AFTER_DAYS, CHUNK]);
    if (rows.length === 0) break;
    keysRead += rows.length;
    after = rows[rows.length - 1].id;
    await dataSource.transaction(async (manager) => {
      for (const row of rows) {
        const days = row.stale_after_days;
        const key: RemindedKey = { keyId: row.id, workspaceId: row.workspace_id, name: row.name, createdAt: row.created_at, expiresAt: row.expires_at, lastUsedAt: row.last_used_at };
        const marks = { status: keyStatusOf({ lifecycle: row.lifecycle, expiresAt: row.expires_at }, now), createdAtMs: row.created_at.getTime(), expiresAtMs: row.expires_at?.getTime() ?? null, lastUsedAtMs: row.last_used_at?.getTime() ?? null };
        for (const reminder of dueKeyReminders(marks, days, now)) {
          if (lastRemindedFor(row, reminder)?.getTime() === reminder.forMs || !(await recordReminder(manager, key, reminder, now))) continue;
          reminded[reminder.kind] += 1;
          deliveries += await enqueueNotification(manager, keyReminderNotification(key, reminder, days, now), keyReminderId(key.keyId, reminder), now);
        }
      }
    });
    if (rows.length < CHUNK) break;
  }
  return { keysRead, reminded, deliveries };
};
