import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '@keyward/contracts';
import { ConcurrencyError } from '../concurrency.error';
import type { EventStore, EventToAppend, RecordedEvent, SubscriptionHandlers } from '../event-store.port';
import { comparePositions, type Position } from '../position';

export interface HeldAppend {
  /** Appends in a transaction that stays open until `commit`. */
  commit(): Promise<unknown>;
}

export interface EventStoreUnderTest {
  readonly store: EventStore;
  teardown(): Promise<void>;
  /** Stores with transactions the caller can hold open (PostgreSQL) prove the slow-writer case. */
  holdOpenAppend?(streamId: string, events: readonly EventToAppend[]): Promise<HeldAppend>;
}

const metadata: EventMetadata = { workspaceId: 'ws', actor: 'system', correlationId: 'c', causationId: 'c', occurredAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1 };
const event = (n: number, type = 'Tested'): EventToAppend => ({ type, data: { n }, metadata });
const stream = (): string => `test-${randomUUID()}`;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Collects what a subscription hands over, and resolves once `count` events arrived. */
const collect = (store: EventStore, after?: Position) => {
  const received: RecordedEvent[] = [];
  let waiting: { count: number; resolve: () => void } | undefined;
  let live = 0;
  const handlers: SubscriptionHandlers = {
    onEvents: async (events) => {
      received.push(...events);
      if (waiting && received.length >= waiting.count) waiting.resolve();
    },
    onLive: () => {
      live++;
    },
  };
  const subscription = store.subscribeToAll({ after, batchSize: 37 }, handlers);
  return {
    received,
    liveCount: () => live,
    subscription,
    until: (count: number, timeoutMs = 15_000): Promise<void> =>
      received.length >= count
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`received ${received.length} of ${count} events`)), timeoutMs);
            waiting = { count, resolve: () => (clearTimeout(timer), resolve()) };
          }),
  };
};

const ordered = (events: readonly RecordedEvent[]): boolean => events.every((e, i) => i === 0 || comparePositions(events[i - 1].position, e.position) < 0);

/** The behaviour every event store adapter must show (product.md section 5). */
export const describeEventStoreContract = (name: string, factory: () => Promise<EventStoreUnderTest>): void => {
  describe(`event store contract: ${name}`, () => {
    let subject: EventStoreUnderTest;
    let store: EventStore;

    beforeEach(async () => {
      subject = await factory();
      store = subject.store;
    });

    afterEach(async () => {
      await subject.teardown();
    });

    it('appends and reads a stream back with data, metadata and versions from 0', async () => {
      const id = stream();
      const result = await store.appendToStream(id, [event(1), event(2)], { expectedVersion: 'no_stream' });
      expect(result.nextExpectedVersion).toBe(1n);
      const read = await store.readStream(id);
      expect(read.currentVersion).toBe(1n);
      expect(read.events.map((e) => [e.type, e.data, e.streamVersion])).toEqual([
        ['Tested', { n: 1 }, 0n],
        ['Tested', { n: 2 }, 1n],
      ]);
      expect(read.events[0].metadata).toEqual(metadata);
      expect(read.events[1].position).toEqual(result.position);
    });

    it('reads a missing stream as empty with no version', async () => {
      expect(await store.readStream(stream())).toEqual({ currentVersion: null, events: [] });
    });

    it('enforces every kind of expected version with a clear ConcurrencyError', async () => {
      const id = stream();
      await expect(store.appendToStream(id, [event(1)], { expectedVersion: 'stream_exists' })).rejects.toBeInstanceOf(ConcurrencyError);
      await expect(store.appendToStream(id, [event(1)], { expectedVersion: 0n })).rejects.toBeInstanceOf(ConcurrencyError);
      await store.appendToStream(id, [event(1)], { expectedVersion: 'no_stream' });
      const error = await store.appendToStream(id, [event(2)], { expectedVersion: 'no_stream' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConcurrencyError);
      expect(error).toMatchObject({ streamId: id, expected: 'no_stream', actual: 0n });
      expect((error as Error).message).toMatch(/is at version 0/);
      await expect(store.appendToStream(id, [event(2)], { expectedVersion: 5n })).rejects.toMatchObject({ actual: 0n });
      await store.appendToStream(id, [event(2)], { expectedVersion: 0n });
      await store.appendToStream(id, [event(3)], { expectedVersion: 'stream_exists' });
      await store.appendToStream(id, [event(4)], { expectedVersion: 'any' });
      await store.appendToStream(stream(), [event(1)], { expectedVersion: 'any' });
      expect((await store.readStream(id)).events.map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }]);
    });

    it('appends atomically: a refused multi-event append leaves nothing', async () => {
      const id = stream();
      const duplicateId = randomUUID();
      await store.appendToStream(stream(), [{ ...event(0), eventId: duplicateId }], { expectedVersion: 'no_stream' });
      await expect(store.appendToStream(id, [event(1), { ...event(2), eventId: duplicateId }], { expectedVersion: 'no_stream' })).rejects.toThrow();
      expect(await store.readStream(id)).toEqual({ currentVersion: null, events: [] });
    });

    it('lets exactly one of two racing writers win', async () => {
      for (let round = 0; round < 10; round++) {
        const id = stream();
        await store.appendToStream(id, [event(0)], { expectedVersion: 'no_stream' });
        const results = await Promise.allSettled([
          store.appendToStream(id, [event(1)], { expectedVersion: 0n }),
          store.appendToStream(id, [event(2)], { expectedVersion: 0n }),
        ]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(rejected?.reason).toBeInstanceOf(ConcurrencyError);
        expect((await store.readStream(id)).currentVersion).toBe(1n);
      }
    });

    it('reads all in global order, `after` being exclusive', async () => {
      const start = await lastPosition(store);
      const ids = [stream(), stream()];
      await store.appendToStream(ids[0], [event(1), event(2)], { expectedVersion: 'no_stream' });
      await store.appendToStream(ids[1], [event(3)], { expectedVersion: 'no_stream' });
      const all = await store.readAll({ after: start, maxCount: 100 });
      const mine = all.filter((e) => ids.includes(e.streamId));
      expect(mine.map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
      expect(ordered(all)).toBe(true);
      const rest = await store.readAll({ after: mine[0].position, maxCount: 100 });
      expect(rest.filter((e) => ids.includes(e.streamId)).map((e) => e.data)).toEqual([{ n: 2 }, { n: 3 }]);
      expect(await store.readAll({ after: mine[0].position, maxCount: 1 })).toHaveLength(1);
    });

    it('orders by number, not as text: a stream of 25 events reads back in order everywhere', async () => {
      const start = await lastPosition(store);
      const id = stream();
      await store.appendToStream(id, Array.from({ length: 25 }, (_, i) => event(i)), { expectedVersion: 'no_stream' });
      const expected = Array.from({ length: 25 }, (_, i) => ({ n: i }));
      expect((await store.readStream(id)).events.map((e) => e.data)).toEqual(expected);
      const all = await store.readAll({ after: start, maxCount: 100 });
      expect(all.map((e) => e.data)).toEqual(expected);
      expect(ordered(all)).toBe(true);
    });

    it('subscribes: catches up with the history, then delivers live events', async () => {
      const start = await lastPosition(store);
      const id = stream();
      await store.appendToStream(id, [event(1), event(2)], { expectedVersion: 'no_stream' });
      const sub = collect(store, start);
      await sub.until(2);
      await store.appendToStream(id, [event(3)], { expectedVersion: 1n });
      await sub.until(3);
      await sub.subscription.stop();
      expect(sub.received.map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
      expect(sub.liveCount()).toBeGreaterThan(0);
    });

    it('never skips an event while many writers commit concurrently', async () => {
      const start = await lastPosition(store);
      const sub = collect(store, start);
      const writers = 8;
      const perWriter = 40;
      await Promise.all(
        Array.from({ length: writers }, async (_, w) => {
          for (let i = 0; i < perWriter; i++) await store.appendToStream(stream(), [event(w * 1_000 + i, 'Concurrent')], { expectedVersion: 'no_stream' });
        }),
      );
      await sub.until(writers * perWriter);
      await sleep(300);
      await sub.subscription.stop();
      const concurrent = sub.received.filter((e) => e.type === 'Concurrent');
      expect(concurrent).toHaveLength(writers * perWriter);
      expect(new Set(concurrent.map((e) => e.eventId)).size).toBe(writers * perWriter);
      expect(ordered(sub.received)).toBe(true);
    });

    it('does not move past a slow open transaction, and delivers its event once it commits', async () => {
      if (!subject.holdOpenAppend) return; // stores without client-held transactions cannot reorder commits
      const start = await lastPosition(store);
      const sub = collect(store, start);
      const held = await subject.holdOpenAppend(stream(), [event(0, 'Slow')]);
      for (let i = 1; i <= 5; i++) await store.appendToStream(stream(), [event(i, 'Fast')], { expectedVersion: 'no_stream' });
      await sleep(800); // several polls: none may hand over the later commits yet
      expect(sub.received).toEqual([]);
      await held.commit();
      await sub.until(6);
      await sub.subscription.stop();
      expect(sub.received.map((e) => e.type)).toEqual(['Slow', 'Fast', 'Fast', 'Fast', 'Fast', 'Fast']);
      const fromScratch = await store.readAll({ after: start, maxCount: 100 });
      expect(fromScratch.map((e) => e.eventId)).toEqual(sub.received.map((e) => e.eventId));
    });
  });
};

/** The position of the newest event visible now, to start a test after everything before it. */
const lastPosition = async (store: EventStore): Promise<Position | undefined> => {
  let after: Position | undefined;
  for (;;) {
    const batch = await store.readAll({ after, maxCount: 1_000 });
    if (batch.length === 0) return after;
    after = batch[batch.length - 1].position;
  }
};
