import { Events, type NatsConnection, type Status } from 'nats';
import { NatsLinkState } from './nats-link.state';

/** A connection whose status events the test emits, as nats.js does on its status iterator. */
const connection = () => {
  let closed = false;
  const pending: Status[] = [];
  let wake: (() => void) | undefined;
  const nats: Pick<NatsConnection, 'status' | 'isClosed'> = {
    isClosed: () => closed,
    status: () =>
      (async function* () {
        while (!closed) {
          const next = pending.shift();
          if (next) yield next;
          else await new Promise<void>((resolve) => (wake = resolve));
        }
      })() as ReturnType<NatsConnection['status']>,
  };
  const emit = async (type: Events): Promise<void> => {
    pending.push({ type, data: '127.0.0.1:4222' });
    wake?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  const close = (): void => {
    closed = true;
    wake?.();
  };
  return { nats, emit, close };
};

describe('NatsLinkState', () => {
  it('is connected from the start, not after a disconnect, and again after the reconnect', async () => {
    const { nats, emit, close } = connection();
    const link = new NatsLinkState(nats);
    expect(link.isConnected).toBe(true);
    await emit(Events.Disconnect);
    expect(link.isConnected).toBe(false);
    await emit(Events.Update);
    expect(link.isConnected).toBe(false);
    await emit(Events.Reconnect);
    expect(link.isConnected).toBe(true);
    close();
  });

  it('is not connected once the connection is closed', () => {
    const { nats, close } = connection();
    const link = new NatsLinkState(nats);
    close();
    expect(link.isConnected).toBe(false);
  });
});
