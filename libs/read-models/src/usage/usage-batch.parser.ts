import { UsageCodes, type UsageBatch, type UsageCode, type UsageEntry } from '@keyward/contracts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HOUR_MS = 3_600_000;
/** More than any verifier flushes at once (it drains at most its keys times the hours NATS was away). */
const MAX_ENTRIES = 1_000_000;
const ID = /^[A-Za-z0-9_-]{1,100}$/;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;
const isTime = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));

const parseEntry = (raw: unknown): UsageEntry | undefined => {
  if (!isObject(raw) || !isObject(raw.counts)) return undefined;
  const { workspaceId, keyId, hour, counts, lastValidAt } = raw;
  if (typeof workspaceId !== 'string' || !ID.test(workspaceId) || typeof keyId !== 'string' || !ID.test(keyId)) return undefined;
  if (!isTime(hour) || Date.parse(hour) % HOUR_MS !== 0) return undefined;
  if (lastValidAt !== null && !isTime(lastValidAt)) return undefined;
  const codes = Object.keys(counts);
  if (codes.length === 0 || !codes.every((c) => (UsageCodes as readonly string[]).includes(c) && isCount(counts[c]))) return undefined;
  return { workspaceId, keyId, hour: new Date(hour).toISOString(), counts: counts as Partial<Record<UsageCode, number>>, lastValidAt };
};

/**
 * A usage batch off the stream, or `undefined` for anything else: anyone who may publish on the
 * subject could send it, and a message the projector cannot apply must not stop the ones after it.
 */
export const parseUsageBatch = (data: Uint8Array): UsageBatch | undefined => {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(data).toString('utf8'));
  } catch {
    return undefined;
  }
  if (!isObject(raw) || typeof raw.batchId !== 'string' || !UUID.test(raw.batchId) || !Array.isArray(raw.entries) || raw.entries.length > MAX_ENTRIES) return undefined;
  const entries = raw.entries.map(parseEntry);
  return entries.every((e): e is UsageEntry => e !== undefined) ? { batchId: raw.batchId, entries } : undefined;
};
