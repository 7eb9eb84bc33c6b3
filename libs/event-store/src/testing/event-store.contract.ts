import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '@keyward/contracts';
import { ConcurrencyError } from '../concurrency.error';
import type { EventFilter } from '../event-filter';
import type { EventStore, EventToAppend, RecordedEvent, SubscriptionHandlers } from '../event-store.port';
import { comparePositions, type Position } from '../position';

/** An append whose transaction is still open. */
export interface HeldAppend {
  commit(): Promise<unknown>;
  rollback(): Promise<void>;
}

export interface EventStoreUnderTest {
  readonly store: EventStore;
  teardown(): Promise<void>;
  /** Stores with transactions the caller can hold open (PostgreSQL) prove the slow-writer case. */
  holdOpenAppend?(streamId: string, events: readonly EventToAppend[]): Promise<HeldAppend>;
  /**
   * Whether appending an event id the store holds already fails (PostgreSQL). EventStoreDB only
   * deduplicates a retried append, so its atomicity is proven by the expected-version case alone.
   */
  readonly uniqueEventIds?: boolean;
}

const metadata: EventMetadata = { workspaceId: 'ws', actor: 'system', correlationId: 'c', causationId: 'c', occurredAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1 };
const event = (n: number, type = 'Tested'): EventToAppend => ({ type, data: { n }, metadata });
const stream = (): string => `test-${randomUUID()}`;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Waits until `check` holds: subscriptions report asynchronously. */
const eventually = async (check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
};

/** Collects what a subscription hands over, and resolves once `count` events arrived. */
const collect = (store: EventStore, after?: Position, options: { before?: (events: readonly RecordedEvent[]) => Promise<void> } = {}) => {
  const received: RecordedEvent[] = [];
  const errors: Error[] = [];
  let waiting: { count: number; resolve: () => void } | undefined;
  const live: (Position | undefined)[] = [];
  const handlers: SubscriptionHandlers = {
    onEvents: async (events) => {
      await options.before?.(events);
      received.push(...events);
      if (waiting && received.length >= waiting.count) waiting.resolve();
    },
    onLive: (position) => {
      live.push(position);
    },
    onError: (error) => {
      errors.push(error);
    },
  };
  const subscription = store.subscribeToAll({ after, batchSize: 37 }, handlers);
  return {
    received,
    errors,
    live,
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

    describe('streams', () => {
      it('appends and reads a stream back with ids, data, metadata and versions from 0', async () => {
        const id = stream();
        const eventId = randomUUID();
        const result = await store.appendToStream(id, [{ ...event(1), eventId }, event(2)], { expectedVersion: 'no_stream' });
        expect(result.nextExpectedVersion).toBe(1n);
        const read = await store.readStream(id);
        expect(read.currentVersion).toBe(1n);
        expect(read.events.map((e) => [e.streamId, e.type, e.data, e.streamVersion])).toEqual([
          [id, 'Tested', { n: 1 }, 0n],
          [id, 'Tested', { n: 2 }, 1n],
        ]);
        expect(read.events[0].eventId).toBe(eventId);
        expect(read.events[1].eventId).toMatch(/^[0-9a-f-]{36}$/);
        expect(read.events.map((e) => e.metadata)).toEqual([metadata, metadata]);
        expect(read.events[0].recordedAt).toBeInstanceOf(Date);
        expect(read.events[1].position).toEqual(result.position);
        expect(comparePositions(read.events[0].position, read.events[1].position)).toBe(-1);
      });

      it('reads a missing stream as empty with no version', async () => {
        expect(await store.readStream(stream())).toEqual({ currentVersion: null, events: [] });
      });

      it('enforces every kind of expected version with a clear ConcurrencyError', async () => {
        const id = stream();
        await expect(store.appendToStream(id, [event(1)], { expectedVersion: 'stream_exists' })).rejects.toMatchObject({
          name: 'ConcurrencyError',
          streamId: id,
          expected: 'stream_exists',
          actual: null,
        });
        await expect(store.appendToStream(id, [event(1)], { expectedVersion: 0n })).rejects.toMatchObject({ expected: 0n, actual: null });
        await store.appendToStream(id, [event(1)], { expectedVersion: 'no_stream' });
        const error = await store.appendToStream(id, [event(2)], { expectedVersion: 'no_stream' }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ConcurrencyError);
        expect(error).toMatchObject({ streamId: id, expected: 'no_stream', actual: 0n });
        expect((error as Error).message).toMatch(/is at version 0/);
        await expect(store.appendToStream(id, [event(2)], { expectedVersion: 5n })).rejects.toMatchObject({ actual: 0n });
        expect((await store.appendToStream(id, [event(2)], { expectedVersion: 0n })).nextExpectedVersion).toBe(1n);
        expect((await store.appendToStream(id, [event(3)], { expectedVersion: 'stream_exists' })).nextExpectedVersion).toBe(2n);
        expect((await store.appendToStream(id, [event(4)], { expectedVersion: 'any' })).nextExpectedVersion).toBe(3n);
        expect((await store.appendToStream(stream(), [event(1)], { expectedVersion: 'any' })).nextExpectedVersion).toBe(0n);
        expect((await store.readStream(id)).events.map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }]);
      });

      it('appends only while another stream the decision read is unchanged, else a ConcurrencyError naming that stream', async () => {
        const other = stream();
        const fresh = stream();
        const existing = stream();
        await store.appendToStream(existing, [event(1)], { expectedVersion: 'no_stream' });
        // The other stream has no events yet: null is its version.
        await store.appendToStream(fresh, [event(1)], { expectedVersion: 'no_stream', unchanged: { streamId: other, version: null } });
        await store.appendToStream(other, [event(1), event(2)], { expectedVersion: 'no_stream' });
        await expect(store.appendToStream(stream(), [event(1)], { expectedVersion: 'no_stream', unchanged: { streamId: other, version: null } })).rejects.toMatchObject({
          name: 'ConcurrencyError',
          streamId: other,
          expected: 'no_stream',
          actual: 1n,
        });
        await expect(store.appendToStream(existing, [event(2)], { expectedVersion: 0n, unchanged: { streamId: other, version: 0n } })).rejects.toMatchObject({
          streamId: other,
          expected: 0n,
          actual: 1n,
        });
        await store.appendToStream(existing, [event(2)], { expectedVersion: 0n, unchanged: { streamId: other, version: 1n } });
        expect((await store.readStream(existing)).events.map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }]);
        expect((await store.readStream(fresh)).events).toHaveLength(1);
      });

      it('appends atomically: a refused multi-event append leaves nothing', async () => {
        const id = stream();
        await store.appendToStream(id, [event(1)], { expectedVersion: 'no_stream' });
        await expect(store.appendToStream(id, [event(2), event(3)], { expectedVersion: 7n })).rejects.toBeInstanceOf(ConcurrencyError);
        expect((await store.readStream(id)).events.map((e) => e.data)).toEqual([{ n: 1 }]);
      });

      it('appends atomically: an append failing on its last event leaves none of the others', async () => {
        if (!subject.uniqueEventIds) return; // the store accepts a repeated event id: nothing fails mid-append
        const id = stream();
        const duplicateId = randomUUID();
        await store.appendToStream(stream(), [{ ...event(0), eventId: duplicateId }], { expectedVersion: 'no_stream' });
        await expect(store.appendToStream(id, [event(1), event(2), { ...event(3), eventId: duplicateId }], { expectedVersion: 'no_stream' })).rejects.toThrow();
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
          expect(rejected?.reason).toMatchObject({ expected: 0n, actual: 1n });
          expect((await store.readStream(id)).currentVersion).toBe(1n);
        }
      });

      it("lets every racing 'any' writer through, one after the other", async () => {
        const id = stream();
        const results = await Promise.all(Array.from({ length: 6 }, (_, i) => store.appendToStream(id, [event(i)], { expectedVersion: 'any' })));
        expect(results.map((r) => r.nextExpectedVersion).sort()).toEqual([0n, 1n, 2n, 3n, 4n, 5n]);
        expect((await store.readStream(id)).currentVersion).toBe(5n);
      });
    });

    describe('the global order', () => {
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
        expect(await store.readAll({ after: mine[2].position, maxCount: 100 })).toEqual([]);
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

      it('keeps only what a filter names: workspace, stream, type, actor, and occurredAt from (inclusive) to (exclusive)', async () => {
        const workspaceId = `ws-${randomUUID()}`;
        const at = (n: number, over: Partial<EventMetadata>): EventToAppend => ({ ...event(n, n % 2 ? 'Odd' : 'Even'), metadata: { ...metadata, workspaceId, ...over } });
        const [one, two] = [stream(), stream()];
        await store.appendToStream(one, [at(1, { occurredAt: '2026-01-01T00:00:00.000Z' }), at(2, { actor: 'key-a', occurredAt: '2026-01-02T00:00:00.000Z' })], { expectedVersion: 'no_stream' });
        await store.appendToStream(stream(), [event(3, 'Odd')], { expectedVersion: 'no_stream' }); // workspace `ws`: never in this workspace's reads
        await store.appendToStream(two, [at(5, { actor: 'key-a', occurredAt: '2026-01-03T00:00:00.000Z' })], { expectedVersion: 'no_stream' });
        const read = async (filter: Omit<EventFilter, 'workspaceId'>, maxCount = 100): Promise<unknown[]> =>
          (await store.readAll({ maxCount, filter: { workspaceId, ...filter } })).map((e) => e.data);
        expect(await read({})).toEqual([{ n: 1 }, { n: 2 }, { n: 5 }]);
        expect(await read({}, 2)).toEqual([{ n: 1 }, { n: 2 }]);
        expect(await read({ streamId: two })).toEqual([{ n: 5 }]);
        expect(await read({ type: 'Odd' })).toEqual([{ n: 1 }, { n: 5 }]);
        expect(await read({ actor: 'key-a' })).toEqual([{ n: 2 }, { n: 5 }]);
        expect(await read({ from: new Date('2026-01-02T00:00:00.000Z'), to: new Date('2026-01-03T00:00:00.000Z') })).toEqual([{ n: 2 }]);
        const [first] = await store.readAll({ maxCount: 1, filter: { workspaceId } });
        expect((await store.readAll({ after: first.position, maxCount: 100, filter: { workspaceId, actor: 'key-a' } })).map((e) => e.data)).toEqual([{ n: 2 }, { n: 5 }]);
      });
    });

    describe('subscriptions', () => {
      it('catch up with the history, report being live, then deliver live events', async () => {
        const start = await lastPosition(store);
        const id = stream();
        await store.appendToStream(id, [event(1), event(2)], { expectedVersion: 'no_stream' });
        const sub = collect(store, start);
        await sub.until(2);
        await eventually(() => sub.live.some((p) => p && comparePositions(p, sub.received[1].position) === 0), 'onLive after the catch-up');
        const { position } = await store.appendToStream(id, [event(3)], { expectedVersion: 1n });
        await sub.until(3);
        await eventually(() => sub.live.some((p) => p && comparePositions(p, position) === 0), 'onLive after the live event');
        await sub.subscription.stop();
        expect(sub.received.map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
        expect(sub.received[2].position).toEqual(position);
      });

      it('start after the given position, exclusive', async () => {
        const id = stream();
        await store.appendToStream(id, [event(1), event(2), event(3)], { expectedVersion: 'no_stream' });
        const [first] = (await store.readStream(id)).events;
        const sub = collect(store, first.position);
        await sub.until(2);
        await sleep(100);
        await sub.subscription.stop();
        expect(sub.received.filter((e) => e.streamId === id).map((e) => e.data)).toEqual([{ n: 2 }, { n: 3 }]);
      });

      it('hand a batch over again after its handler failed, skipping nothing', async () => {
        const start = await lastPosition(store);
        const id = stream();
        await store.appendToStream(id, [event(1), event(2)], { expectedVersion: 'no_stream' });
        let failures = 1;
        const sub = collect(store, start, {
          before: async () => {
            if (failures-- > 0) throw new Error('handler failed');
          },
        });
        await sub.until(2);
        await sub.subscription.stop();
        expect(sub.received.map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }]);
        expect(sub.errors.map((e) => e.message)).toEqual(['handler failed']);
      });

      it('stop only once the running handler returned, and call none afterwards', async () => {
        const start = await lastPosition(store);
        await store.appendToStream(stream(), [event(1)], { expectedVersion: 'no_stream' });
        let running = false;
        let started!: () => void;
        const handlerStarted = new Promise<void>((resolve) => (started = resolve));
        const sub = collect(store, start, {
          before: async () => {
            running = true;
            started();
            await sleep(200);
            running = false;
          },
        });
        await handlerStarted;
        await sub.subscription.stop();
        expect(running).toBe(false);
        const handed = sub.received.length;
        await store.appendToStream(stream(), [event(2)], { expectedVersion: 'no_stream' });
        await sleep(400);
        expect(sub.received).toHaveLength(handed);
      });

      it('never skip an event while many writers commit concurrently', async () => {
        const start = await lastPosition(store);
        const sub = collect(store, start);
        const writers = 8;
        const perWriter = 50;
        await Promise.all(
          Array.from({ length: writers }, async (_, w) => {
            for (let i = 0; i < perWriter; i++) await store.appendToStream(stream(), [event(w * 1_000 + i, 'Concurrent')], { expectedVersion: 'no_stream' });
          }),
        );
        await sub.until(writers * perWriter);
        await sleep(300); // anything handed over twice would arrive now
        await sub.subscription.stop();
        const concurrent = sub.received.filter((e) => e.type === 'Concurrent');
        expect(concurrent).toHaveLength(writers * perWriter);
        expect(new Set(concurrent.map((e) => e.eventId)).size).toBe(writers * perWriter);
        expect(ordered(sub.received)).toBe(true);
        // Each writer's own appends arrive in the order it made them.
        for (let w = 0; w < writers; w++) {
          const own = concurrent.map((e) => (e.data as { n: number }).n).filter((n) => Math.floor(n / 1_000) === w);
          expect(own).toEqual(Array.from({ length: perWriter }, (_, i) => w * 1_000 + i));
        }
        const fromScratch = await store.readAll({ after: start, maxCount: 1_000 });
        expect(fromScratch.map((e) => e.eventId)).toEqual(sub.received.map((e) => e.eventId));
      });

      it('do not move past a slow open transaction, and deliver its event once it commits', async () => {
        if (!subject.holdOpenAppend) return; // the store has no client-held transactions to reorder commits
        const start = await lastPosition(store);
        const sub = collect(store, start);
        await holdingOpen(subject.holdOpenAppend(stream(), [event(0, 'Slow')]), async (held) => {
          for (let i = 1; i <= 5; i++) await store.appendToStream(stream(), [event(i, 'Fast')], { expectedVersion: 'no_stream' });
          await sleep(800); // several polls and notifications: none may hand over the later commits yet
          expect(sub.received).toEqual([]);
          expect(await store.readAll({ after: start, maxCount: 100 })).toEqual([]);
          await held.commit();
        });
        await sub.until(6);
        await sleep(100);
        await sub.subscription.stop();
        expect(sub.received.map((e) => e.type)).toEqual(['Slow', 'Fast', 'Fast', 'Fast', 'Fast', 'Fast']);
        const fromScratch = await store.readAll({ after: start, maxCount: 100 });
        expect(fromScratch.map((e) => e.eventId)).toEqual(sub.received.map((e) => e.eventId));
      });

      it('end a filtered read before a slow open transaction too, and show its event once it commits', async () => {
        if (!subject.holdOpenAppend) return;
        const workspaceId = `ws-${randomUUID()}`;
        const mine = (n: number, type: string): EventToAppend => ({ ...event(n, type), metadata: { ...metadata, workspaceId } });
        const filter = { workspaceId };
        await holdingOpen(subject.holdOpenAppend(stream(), [event(0, 'Slow')]), async (held) => {
          // The slow event is of another workspace: the filter must not let the read pass it anyway.
          await store.appendToStream(stream(), [mine(1, 'Fast')], { expectedVersion: 'no_stream' });
          expect(await store.readAll({ maxCount: 100, filter })).toEqual([]);
          await held.commit();
        });
        expect((await store.readAll({ maxCount: 100, filter })).map((e) => e.type)).toEqual(['Fast']);
      });

      it('move on once a slow open transaction rolls back', async () => {
        if (!subject.holdOpenAppend) return;
        const start = await lastPosition(store);
        const sub = collect(store, start);
        await holdingOpen(subject.holdOpenAppend(stream(), [event(0, 'Slow')]), async (held) => {
          await store.appendToStream(stream(), [event(1, 'Fast')], { expectedVersion: 'no_stream' });
          await sleep(300);
          expect(sub.received).toEqual([]);
          await held.rollback();
        });
        await sub.until(1);
        await sleep(100);
        await sub.subscription.stop();
        expect(sub.received.map((e) => e.type)).toEqual(['Fast']);
      });
    });
  });
};

/**
 * Runs `body` with a transaction held open, and rolls it back if `body` failed before ending it:
 * an open transaction would hold every later test (and the teardown) back.
 */
const holdingOpen = async (opening: Promise<HeldAppend>, body: (held: HeldAppend) => Promise<void>): Promise<void> => {
  const held = await opening;
  let ended = false;
  const end = <T>(finish: () => Promise<T>) => async (): Promise<T> => {
    ended = true;
    return finish();
  };
  try {
    await body({ commit: end(() => held.commit()), rollback: end(() => held.rollback()) });
  } finally {
    if (!ended) await held.rollback();
  }
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
