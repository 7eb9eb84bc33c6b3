import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';

/** A store with rows that reads ignore already (expired, ended): deleting them only keeps the table small. */
export interface PurgeableStore {
  /** Deletes up to `limit` such rows; answers how many. */
  purgeExpired(limit: number): Promise<number>;
}

const EVERY_MS = 10 * 60 * 1_000;
/** Per statement: a short one, never a long lock. */
const BATCH = 5_000;
/** Per pass, batches follow each other until one comes back short, within these bounds; what is left goes with the next pass. */
const MAX_BATCHES = 1_000;
const BUDGET_MS = 60_000;

/** Purges a store's dead rows at start and every ten minutes, in bounded batches; a failure is one warning, tried again next time. */
export abstract class BatchedPurge implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger: Logger;
  private timer?: NodeJS.Timeout;

  protected constructor(
    private readonly store: PurgeableStore,
    name: string,
  ) {
    this.logger = new Logger(name);
  }

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
