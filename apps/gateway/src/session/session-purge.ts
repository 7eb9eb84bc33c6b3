import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SessionStore } from '@keyward/sessions';

const EVERY_MS = 10 * 60 * 1_000;
/** Per statement: a short one, never a long lock. */
const BATCH = 5_000;
const MAX_BATCHES = 100;

/** Deletes ended sessions (idle or too old); requests ignore them already, so this only keeps the table small. */
@Injectable()
export class SessionPurge implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SessionPurge.name);
  private timer?: NodeJS.Timeout;

  constructor(private readonly store: SessionStore) {}

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
    let deleted = 0;
    try {
      for (let batch = 0; batch < MAX_BATCHES; batch++) {
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
