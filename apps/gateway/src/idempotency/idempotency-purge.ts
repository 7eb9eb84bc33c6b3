import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { IdempotencyStore } from '@keyward/idempotency';

const EVERY_MS = 10 * 60 * 1_000;
/** Per statement: a short one, never a long lock. */
const BATCH = 5_000;
/** Per pass, batches follow each other until one comes back short, within these bounds; what is left goes with the next pass. */
const MAX_BATCHES = 1_000;
const BUDGET_MS = 60_000;

/** Deletes idempotency records past their 24 hours (reads ignore them already). */
@Injectable()
export class IdempotencyPurge implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IdempotencyPurge.name);
  private timer?: NodeJS.Timeout;

  constructor(private readonly store: IdempotencyStore) {}

  onApplicationBootstrap(): void {
    void this.purge();
    this.timer = setInterval(() => void this.purge(), EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Answers how many rows it deleted. */
  async purge(): Promise<number> {
    const deadline = performance.now() + BUDGET_MS;
    let deleted = 0;
    try {
      for (let batch = 0; batch < MAX_BATCHES && performance.now() < deadline; batch++) {
        const rows = await this.store.purgeExpired(BATCH);
        deleted += rows;
        if (rows < BATCH) break;
      }
    } catch (error: unknown) {
      this.logger.warn(`purge failed: ${error instanceof Error ? error.name : 'unknown error'}`);
    }
    return deleted;
  }
}
