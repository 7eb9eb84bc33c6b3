import type { NatsConnection } from 'nats';
import { Registry } from 'prom-client';
import { UsageStream, type UsageBatch, type UsageEntry } from '@keyward/contracts';
import type { UsageCounter } from './usage.counter';
import { UsageFlusher } from './usage.flusher';

const entry = (i: number): UsageEntry => ({ workspaceId: 'default', keyId: `key_${i}`, hour: '2026-12-02T18:00:00.000Z', counts: { VALID: 1 }, lastValidAt: null });

/** A connection whose JetStream records what is published, and refuses the publishes named in `failing`. */
const connection = (failing: Set<number>) => {
  const published: UsageBatch[] = [];
  const attempted: string[] = [];
  const nats = {
    jetstreamManager: async () => ({ streams: { add: async () => undefined } }),
    jetstream: () => ({
      publish: async (_subject: string, data: Uint8Array, options: { msgID: string }) => {
        attempted.push(options.msgID);
        if (failing.has(attempted.length)) throw new Error('timeout');
        const batch = JSON.parse(Buffer.from(data).toString('utf8')) as UsageBatch;
        expect(batch.batchId).toBe(options.msgID);
        published.push(batch);
      },
    }),
  } as unknown as NatsConnection;
  return { nats, published, attempted };
};

const counterOf = (...drains: UsageEntry[][]): UsageCounter => ({ drain: () => drains.shift() ?? [] }) as unknown as UsageCounter;

describe('UsageFlusher', () => {
  it('sends many keys as batches small enough for one NATS message each, every entry once', async () => {
    const { nats, published } = connection(new Set());
    const flusher = new UsageFlusher(nats, new Registry(), counterOf(Array.from({ length: 2_500 }, (_, i) => entry(i))));
    expect(await flusher.flush()).toBe('sent');
    expect(published.map((b) => b.entries.length)).toEqual([UsageStream.maxEntriesPerBatch, UsageStream.maxEntriesPerBatch, 500]);
    expect(new Set(published.flatMap((b) => b.entries.map((e) => e.keyId))).size).toBe(2_500);
    expect(new Set(published.map((b) => b.batchId)).size).toBe(3);
    expect(await flusher.flush()).toBe('empty');
  });

  it('after a failed publish, sends that batch again under its id, then the rest, before sealing new counts', async () => {
    const { nats, published, attempted } = connection(new Set([2]));
    const flusher = new UsageFlusher(nats, new Registry(), counterOf(Array.from({ length: 1_500 }, (_, i) => entry(i)), [entry(9_999)]));
    expect(await flusher.flush()).toBe('failed');
    expect(published).toHaveLength(1);
    expect(await flusher.flush()).toBe('sent');
    expect(attempted[2]).toBe(attempted[1]);
    expect(published.map((b) => b.entries.length)).toEqual([1_000, 500]);
    expect(await flusher.flush()).toBe('sent');
    expect(published[2].entries.map((e) => e.keyId)).toEqual(['key_9999']);
    expect(new Set(published.map((b) => b.batchId)).size).toBe(3);
  });
});
