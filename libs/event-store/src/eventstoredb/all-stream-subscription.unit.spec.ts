import { PassThrough } from 'node:stream';
import type { EventStoreDBClient } from '@eventstore/db-client';
import type { Position } from '../position';
import { EventStoreDbAllSubscription } from './all-stream-subscription';

/** Stands in for the server's push stream (no server can run here): what the client's Subscription emits. */
type ServerStream = PassThrough & { unsubscribe(): Promise<void> };

const pushed = (n: number, type = 'Tested') => ({
  event: { id: `event-${n}`, type, data: { n }, metadata: {}, streamId: 's', revision: BigInt(n), created: new Date(0), position: { commit: BigInt(n * 10), prepare: BigInt(n * 10) } },
});
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const setUp = (onEvents: (numbers: number[]) => Promise<void> = async () => undefined) => {
  const streams: ServerStream[] = [];
  const from: unknown[] = [];
  const client = {
    subscribeToAll: (options: { fromPosition: unknown }) => {
      from.push(options.fromPosition);
      const stream = Object.assign(new PassThrough({ objectMode: true }), { unsubscribe: async () => undefined });
      streams.push(stream);
      return stream;
    },
  } as unknown as EventStoreDBClient;
  const log: string[] = [];
  const subscription = new EventStoreDbAllSubscription(client, { batchSize: 3, retryMs: 10, maxRetryMs: 40 }, {
    onEvents: async (events) => {
      const numbers = events.map((e) => (e.data as { n: number }).n);
      await onEvents(numbers);
      log.push(`events ${numbers.join(',')}`);
    },
    onLive: (position: Position | undefined) => log.push(`live ${position?.commit ?? '-'}`),
    onError: (error) => log.push(`error ${error.message}`),
  });
  return { streams, from, log, subscription };
};

describe('EventStoreDB $all subscription', () => {
  it('hands events over in batches, reports live only after everything before caughtUp, and skips system events', async () => {
    const { streams, log, subscription } = setUp(() => sleep(5));
    for (let n = 1; n <= 5; n++) streams[0].write(pushed(n));
    streams[0].write(pushed(99, '$metadata'));
    streams[0].emit('caughtUp');
    await sleep(60);
    streams[0].write(pushed(6));
    await sleep(30);
    await subscription.stop();
    expect(log).toEqual(['events 1,2,3', 'events 4,5', 'live 50', 'events 6', 'live 60']);
  });

  it('hands a failed batch over again', async () => {
    let failures = 1;
    const { streams, log, subscription } = setUp(async () => {
      if (failures-- > 0) throw new Error('handler failed');
    });
    streams[0].write(pushed(1));
    await sleep(60);
    await subscription.stop();
    expect(log).toEqual(['error handler failed', 'events 1']);
  });

  it('reopens a dropped subscription after the last event received, without repeating it', async () => {
    const { streams, from, log, subscription } = setUp();
    streams[0].write(pushed(1));
    streams[0].emit('caughtUp');
    await sleep(10);
    streams[0].emit('error', new Error('connection lost'));
    await sleep(40);
    expect(from).toEqual(['start', { commit: 10n, prepare: 10n }]);
    streams[1].write(pushed(1));
    streams[1].write(pushed(2));
    streams[1].emit('caughtUp');
    await sleep(20);
    await subscription.stop();
    expect(log).toEqual(['events 1', 'live 10', 'error connection lost', 'events 2', 'live 20']);
  });
});
