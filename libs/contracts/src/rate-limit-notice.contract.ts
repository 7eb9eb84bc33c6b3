/**
 * Where verifiers say that a key was answered `RATE_LIMITED` in a window (for `key.rate_limited`
 * webhooks, product.md 9.5): a JetStream stream of its own, apart from the usage stream, whose
 * work queue allows its one consumer only.
 */
export const RateLimitNoticeStream = {
  name: 'KEYWARD_RATE_LIMITED',
  subjects: 'keyward.v1.rate-limited.>',
  /** One message per (key, window) and verifier; `Nats-Msg-Id` `<keyId>:<windowStart>`, so JetStream drops the other verifiers' copies. */
  notices: 'keyward.v1.rate-limited.notices',
  /** The webhook sender's durable consumer. */
  consumer: 'keyward-webhook-sender',
} as const;

/** A key denied for its rate limit at least once in this window (a denial for an unreachable count is not one). */
export interface RateLimitNotice {
  readonly workspaceId: string;
  readonly keyId: string;
  readonly limit: number;
  readonly windowSeconds: number;
  /** ISO time the window starts: a multiple of its length since the epoch, as libs/rate-limit aligns it. */
  readonly windowStart: string;
}
