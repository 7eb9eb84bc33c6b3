/** What the notifier needs of a `pg` Pool. */
export interface Queryable {
  query(text: string, values: unknown[]): Promise<unknown>;
}

/**
 * Tells other processes' subscriptions that events were committed, after the commit and outside
 * the append: a NOTIFY inside the append's transaction would take PostgreSQL's database-wide
 * notify lock at commit and hold it through the WAL flush, serialising every writer.
 *
 * Coalesced: at most one NOTIFY in flight per store; appends committed meanwhile are covered by one
 * more once it returns. Its own transaction skips the WAL flush wait (`synchronous_commit` off):
 * a notification lost in a crash costs a subscriber one poll interval, never an event.
 */
export class WakeUpNotifier {
  private inFlight: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly pool: Queryable,
    private readonly channel: string,
  ) {}

  /** Never rejects and never waits for the NOTIFY: it is a hint, the subscription's poll is the guarantee. */
  notify(): void {
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = this.send();
  }

  /** Resolves once no NOTIFY is in flight, so the pool can end. */
  async idle(): Promise<void> {
    while (this.inFlight) await this.inFlight;
  }

  private async send(): Promise<void> {
    do {
      this.again = false;
      await this.pool.query(`SELECT set_config('synchronous_commit', 'off', true), pg_notify($1, '')`, [this.channel]).catch(() => undefined);
    } while (this.again);
    this.inFlight = undefined;
  }
}
