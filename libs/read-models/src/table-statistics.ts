import type { DataSource } from 'typeorm';

/**
 * Below this many events applied since the last ANALYZE, autovacuum keeps the statistics: its
 * threshold (50 rows + 10% of the table) and its minute of sleep cost a few milliseconds of a
 * wrong plan on a small table, but a rebuild loads a million rows before it wakes.
 */
export const ANALYZE_AFTER_EVENTS = 10_000;

/**
 * Keeps the planner's statistics of the read-model tables in step with bulk projection. Without
 * them the planner takes a table just filled with a million keys for a small one, and reads and
 * sorts the whole workspace for a page of revoked keys instead of walking its index.
 */
export class TableStatistics {
  private appliedSinceAnalyze = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly afterEvents = ANALYZE_AFTER_EVENTS,
  ) {}

  noteApplied(events: number): void {
    this.appliedSinceAnalyze += events;
  }

  /** Analyzes every table of the data source's entities once enough events were applied; a failure keeps the count, to try again. */
  async refreshIfDue(): Promise<void> {
    if (this.appliedSinceAnalyze < this.afterEvents) return;
    const tables = this.dataSource.entityMetadatas.map((m) => this.dataSource.driver.escape(m.tableName));
    await this.dataSource.query(`ANALYZE ${tables.join(', ')}`);
    this.appliedSinceAnalyze = 0;
  }
}
