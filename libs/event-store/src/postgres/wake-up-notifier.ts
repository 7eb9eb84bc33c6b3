import { Pool } from 'pg';
import { comparePositions, positionToToken, type Position } from '../position';

/** What the notifier needs of its connection: a `pg` Pool. */
export interface NotifyConnection {
  query(text: string, values: unknown[]): Promise<unknown>;
  end(): Promise<void>;
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
  /** The highest position committed so far: the payload, so a subscription already past it skips the hint. */
  private head: Position | undefined;

  constructor(
    private readonly connection: NotifyConnection,
    private readonly channel: string,
  ) {}

  /** On a connection of its own: on the writers' pool, a NOTIFY would hold a connection the next append waits for. */
  static besides(pool: Pool, channel: string): WakeUpNotifier {
    const own = new Pool({ ...pool.options, max: 1 });
    own.on('error', () => undefined); // an idle connection lost: the next NOTIFY reconnects
    return new WakeUpNotifier(own, channel);
  }

  /** Never rejects and never waits for the NOTIFY: it is a hint, the subscription's poll is the guarantee. */
  notify(head: Position): void {
    if (this.head === undefined || comparePositions(head, this.head) > 0) this.head = head;
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = this.send();
  }

  /** Waits for the NOTIFY in flight, if any, then closes the connection. */
  async close(): Promise<void> {
    while (this.inFlight) await this.inFlight;
    await this.connection.end();
  }

  private async send(): Promise<void> {
    do {
      this.again = false;
      const payload = this.head ? positionToToken(this.head) : '';
      await this.connection.query(`SELECT set_config('synchronous_commit', 'off', true), pg_notify($1, $2)`, [this.channel, payload]).catch(() => undefined);
    } while (this.again);
    this.inFlight = undefined;
  }
}
