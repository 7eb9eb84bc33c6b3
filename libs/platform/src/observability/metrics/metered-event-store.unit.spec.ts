import { Registry } from 'prom-client';
import type { AppendResult, EventStore, EventToAppend } from '@keyward/event-store';
import { ConcurrencyError } from '@keyward/event-store';
import { meteredEventStore } from './metered-event-store';

const RESULT: AppendResult = { nextExpectedVersion: 1n, position: { commit: 1n, prepare: 2n } };

/** An event store that answers appends from a script: a result, or an error to throw. */
const scripted = (outcomes: (AppendResult | Error)[]): EventStore => ({
  appendToStream: async () => {
    const next = outcomes.shift();
    if (!next || next instanceof Error) throw next ?? new Error('script exhausted');
    return next;
  },
  readStream: async () => ({ currentVersion: null, events: [] }),
  readAll: async () => [],
  countEvents: async () => 0,
  subscribeToAll: () => ({ wake: () => undefined, stop: async () => undefined }),
  close: async () => undefined,
});

const metadata = { workspaceId: 'default', actor: 'a', correlationId: 'c', causationId: 'c', occurredAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1 };

describe('meteredEventStore', () => {
  it('counts appends by outcome and the events appended, and passes results and errors through', async () => {
    const registry = new Registry();
    const conflict = new ConcurrencyError('key-1', 0n, 1n);
    const down = new Error('Connection terminated unexpectedly');
    const store = meteredEventStore(scripted([RESULT, conflict, RESULT, down]), registry);
    const event: EventToAppend = { type: 'KeyRenamed', data: {}, metadata };
    const append = (n: number) => store.appendToStream('key-1', Array.from({ length: n }, () => event), { expectedVersion: 'any' });

    expect(await append(2)).toBe(RESULT);
    await expect(append(1)).rejects.toBe(conflict);
    expect(await append(1)).toBe(RESULT);
    await expect(append(3)).rejects.toBe(down);

    const appends = await registry.getSingleMetric('keyward_event_store_appends_total')?.get();
    expect(Object.fromEntries((appends?.values ?? []).map((v) => [v.labels.outcome, v.value]))).toEqual({ appended: 2, conflict: 1, failed: 1 });
    expect((await registry.getSingleMetric('keyward_event_store_appended_events_total')?.get())?.values[0]?.value).toBe(3);
  });
});
