import { UsageCodes, UsageStream, type UsageBatch, type UsageCode, type UsageEntry } from '@keyward/contracts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HOUR_MS = 3_600_000;
const ID = /^[A-Za-z0-9_-]{1,100}$/;
/** More answers than one verifier gives a key in an hour; sums of such counts stay far inside a bigint. */
const MAX_COUNT = 2 ** 32;
/** Times PostgreSQL stores as they are: a year JavaScript reads but PostgreSQL refuses would fail the batch for good. */
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(9999, 11, 31);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0 && (value as number) <= MAX_COUNT;
const isTime = (value: unknown): value is string => {
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  return ms >= EARLIEST && ms <= LATEST;
};

const parseEntry = (raw: unknown): UsageEntry | undefined => {
  if (!isObject(raw) || !isObject(raw.counts)) return undefined;
  const { workspaceId, keyId, hour, counts, lastValidAt } = raw;
  if (typeof workspaceId !== 'string' || !ID.test(workspaceId) || typeof keyId !== 'string' || !ID.test(keyId)) return undefined;
  if (!isTime(hour) || Date.parse(hour) % HOUR_MS !== 0) return undefined;
  if (lastValidAt !== null && !isTime(lastValidAt)) return undefined;
  const codes = Object.keys(counts);
  if (codes.length === 0 || !codes.every((c) => (UsageCodes as readonly string[]).includes(c) && isCount(counts[c]))) return undefined;
  const lastValid = lastValidAt === null ? null : new Date(lastValidAt).toISOString();
  return { workspaceId, keyId, hour: new Date(hour).toISOString(), counts: counts as Partial<Record<UsageCode, number>>, lastValidAt: lastValid };
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
  if (!isObject(raw) || typeof raw.batchId !== 'string' || !UUID.test(raw.batchId) || !Array.isArray(raw.entries) || raw.entries.length > UsageStream.maxEntriesPerBatch) return undefined;
  const entries = raw.entries.map(parseEntry);
  return entries.every((e): e is UsageEntry => e !== undefined) ? { batchId: raw.batchId, entries } : undefined;
};
