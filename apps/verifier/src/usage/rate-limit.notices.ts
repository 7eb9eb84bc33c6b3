import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { JetStreamClient, NatsConnection } from 'nats';
import { RateLimitNoticeStream, type RateLimitNotice, type VerifyAnswer } from '@keyward/contracts';
import { ensureRateLimitNoticeStream, NATS_CONNECTION } from '@keyward/platform';
import { KeyIndex } from '@keyward/key-index';

const FLUSH_INTERVAL_MS = 500;
const PUBLISH_TIMEOUT_MS = 2_000;
/** Notices waiting while JetStream is away; past this the oldest are dropped (a webhook, not a count). */
const MAX_PENDING = 10_000;

/**
 * Tells the webhook sender, once per key and window from this verifier, that a key was answered
 * `RATE_LIMITED` (`key.rate_limited`). A denial costs one map lookup by key id; the notice is
 * published off the verify path, twice a second, under a message id of (key, window) so that
 * JetStream drops the copies other verifiers send. A denial for an unreachable count is not a
 * key over its limit and says nothing, nor does a named limit's. A publish that fails is retried at the next flush.
 */
@Injectable()
export class RateLimitNotices implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RateLimitNotices.name);
  private readonly js: JetStreamClient;
  /** The `reset` (window end) each key was last noticed for. */
  private readonly noticed = new Map<string, string>();
  private pending: RateLimitNotice[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private streamReady = false;
  private failing = false;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    private readonly index: KeyIndex,
  ) {
    this.js = nats.jetstream();
  }

  record(answer: VerifyAnswer): void {
    // A named limit's refusal (`ratelimits` listed) is not the key's own limit reached.
    if (answer.code !== 'RATE_LIMITED' || answer.keyId === undefined || answer.ratelimit === undefined || answer.ratelimit.degraded || answer.ratelimits !== undefined) return;
    const { keyId, ratelimit } = answer;
    if (this.noticed.get(keyId) === ratelimit.reset) return;
    const key = this.index.byId(keyId);
    if (!key?.ratelimit) return;
    this.noticed.set(keyId, ratelimit.reset);
    if (this.pending.length >= MAX_PENDING) this.pending.shift();
    const windowStart = new Date(Date.parse(ratelimit.reset) - key.ratelimit.windowMs).toISOString();
    this.pending.push({ workspaceId: key.workspace.workspaceId, keyId, limit: ratelimit.limit, windowSeconds: key.ratelimit.windowMs / 1000, windowStart });
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.flush(), FLUSH_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  private flush(): Promise<void> {
    this.flushing ??= this.flushOnce().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private async flushOnce(): Promise<void> {
    this.forgetEndedWindows();
    if (this.pending.length === 0) return;
    try {
      if (!this.streamReady) await ensureRateLimitNoticeStream(this.nats);
      this.streamReady = true;
      while (this.pending.length > 0) {
        const [notice] = this.pending;
        const msgID = `${notice.keyId}:${notice.windowStart}`;
        await this.js.publish(RateLimitNoticeStream.notices, Buffer.from(JSON.stringify(notice)), { msgID, timeout: PUBLISH_TIMEOUT_MS, expect: { streamName: RateLimitNoticeStream.name } });
        this.pending.shift();
      }
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.logger.warn(`rate-limit notice not published, will retry it: ${error instanceof Error ? error.message : 'unknown error'}`);
      this.failing = true;
    }
  }

  /** A key's entry is needed only while its window lasts. */
  private forgetEndedWindows(): void {
    const now = new Date().toISOString();
    for (const [keyId, reset] of this.noticed) if (reset <= now) this.noticed.delete(keyId);
  }
}
