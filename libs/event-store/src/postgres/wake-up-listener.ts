import { Client, type ClientConfig } from 'pg';
import { positionFromToken, type Position } from '../position';

export interface WakeUpListenerOptions {
  readonly config: ClientConfig;
  readonly channel: string;
  readonly retryMs: number;
  /** `head`: the position the notification says was committed, if it says a readable one. */
  onWake(head: Position | undefined): void;
  onError(error: Error): void;
}

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/**
 * LISTENs on a connection of its own (a pooled one would be handed to other queries), and
 * reconnects after losing it. Notifications are only hints: the subscription's poll is the guarantee.
 */
export class WakeUpListener {
  private client: Client | undefined;
  private retry: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly options: WakeUpListenerOptions) {}

  start(): void {
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  /** Never rejects: it runs from a timer. */
  private async connect(): Promise<void> {
    if (this.stopped) return;
    let client: Client;
    try {
      client = new Client(this.options.config);
    } catch (error) {
      this.options.onError(asError(error)); // a configuration error: retrying cannot help
      return;
    }
    this.client = client;
    const lost = (error: Error): void => {
      if (this.client !== client) return; // stopped, or reported already ('error' is followed by 'end')
      this.client = undefined;
      void client.end().catch(() => undefined);
      this.options.onError(error);
      this.retry = setTimeout(() => void this.connect(), this.options.retryMs);
    };
    client.on('notification', (message) => this.options.onWake(positionFromToken(message.payload)));
    client.on('error', lost);
    client.on('end', () => lost(new Error('the connection listening for appended events closed')));
    try {
      await client.connect();
      await client.query(`LISTEN "${this.options.channel}"`);
    } catch (error) {
      lost(asError(error));
      return;
    }
    // Stopped while connecting: this connection is nobody's to close but ours.
    if (this.client !== client) await client.end().catch(() => undefined);
    // Whatever was notified while nobody listened is read now rather than at the next poll.
    else this.options.onWake(undefined);
  }
}
