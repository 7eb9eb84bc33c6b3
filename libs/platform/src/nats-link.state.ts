import { Events, type NatsConnection } from 'nats';

/**
 * Whether a NATS connection is connected now. nats.js empties its outbound buffer at every
 * reconnect attempt, so a request published while it reconnects is silently dropped and waits
 * out its whole timeout: a sender asks here first and fails fast instead.
 */
export class NatsLinkState {
  private connected = true;

  constructor(private readonly nats: Pick<NatsConnection, 'status' | 'isClosed'>) {
    void this.watch();
  }

  get isConnected(): boolean {
    return this.connected && !this.nats.isClosed();
  }

  private async watch(): Promise<void> {
    // Ends when the connection closes; `isClosed` answers from then on.
    for await (const status of this.nats.status()) {
      if (status.type === Events.Disconnect) this.connected = false;
      if (status.type === Events.Reconnect) this.connected = true;
    }
  }
}
