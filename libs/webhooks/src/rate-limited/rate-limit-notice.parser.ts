import type { RateLimitNotice } from '@keyward/contracts';
import { isRateLimit } from '@keyward/domain';

const ID = /^[A-Za-z0-9_-]{1,100}$/;
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(9999, 11, 31);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A rate-limit notice off the stream, or `undefined` for anything else: whoever may publish on the
 * subject could send it, and a message the sender cannot use must not stop the ones after it. The
 * limit must be one a key can have, and the window aligned as the limiter aligns it (a multiple of
 * its length since the epoch).
 */
export const parseRateLimitNotice = (data: Uint8Array): RateLimitNotice | undefined => {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(data).toString('utf8'));
  } catch {
    return undefined;
  }
  if (!isObject(raw)) return undefined;
  const { workspaceId, keyId, limit, windowSeconds, windowStart } = raw;
  if (typeof workspaceId !== 'string' || !ID.test(workspaceId) || typeof keyId !== 'string' || !ID.test(keyId)) return undefined;
  const ratelimit = { limit, windowSeconds };
  if (!isRateLimit(ratelimit) || typeof windowStart !== 'string') return undefined;
  const startMs = Date.parse(windowStart);
  if (!(startMs >= EARLIEST && startMs <= LATEST) || startMs % (ratelimit.windowSeconds * 1000) !== 0) return undefined;
  return { workspaceId, keyId, limit: ratelimit.limit, windowSeconds: ratelimit.windowSeconds, windowStart: new Date(startMs).toISOString() };
};
