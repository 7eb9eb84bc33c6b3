import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'pg';
import { comparePositions, positionToToken, type Position } from '../position';

/** Followers learn of back-to-back appends at most this much later; small beside a revoke's barrier. */
const DEFAULT_GAP_MS = 5;

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
 * Coalesced: at most one NOTIFY per `gapMs` per store, and none in flight beside another; appends
 * committed meanwhile are covered by one more at the end of the gap. An append after a quiet spell
 * is announced at once (a revoke waits on its followers); back-to-back appends are announced at
 * most every `gapMs`, not each on its own: with one writer every append otherwise paid for a
 * NOTIFY transaction on the server and a read by every follower. Its own transaction skips the
 * WAL flush wait (`synchronous_commit` off): a notification lost in a crash costs a subscriber one poll interval, never an event.
 */
export class WakeUpNotifier {
  private inFlight: Promise<void> | undefined;
  private again = false;
  /** The highest position committed so far: the payload, so a subscription already past it skips the hint. */
  private head: Position | undefined;

  constructor(
    private readonly connection: NotifyConnection,
    private readonly channel: string,
    private readonly gapMs = DEFAULT_GAP_MS,
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
      const sent = this.connection.query(`SELECT set_config('synchronous_commit', 'off', true), pg_notify($1, $2)`, [this.channel, payload]).catch(() => undefined);
      await Promise.all([sent, this.gapMs > 0 ? sleep(this.gapMs) : undefined]);
    } while (this.again);
    this.inFlight = undefined;
  }
}
