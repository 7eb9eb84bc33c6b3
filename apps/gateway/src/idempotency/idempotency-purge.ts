import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { IdempotencyStore } from '@keyward/read-models';

const EVERY_MS = 10 * 60 * 1_000;
/** Per pass: a short statement, never a long lock; what is left goes with the next pass. */
const BATCH = 5_000;

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

  async purge(): Promise<void> {
    await this.store.purgeExpired(BATCH).catch((error: unknown) => this.logger.warn(`purge failed: ${error instanceof Error ? error.name : 'unknown error'}`));
  }
}
