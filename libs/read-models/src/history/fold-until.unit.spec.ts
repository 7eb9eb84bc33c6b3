import type { DomainEvent } from '@keyward/contracts';
import type { RecordedEvent } from '@keyward/event-store';
import { foldUntil } from './fold-until';

type Step = DomainEvent<'Step', { readonly n: number }>;

const at = (n: number, occurredAt: string): RecordedEvent<Step> => ({
  type: 'Step',
  data: { n },
  eventId: `e${n}`,
  metadata: { workspaceId: 'default', actor: 'system', correlationId: 'c', causationId: 'c', occurredAt, schemaVersion: 1 },
  streamId: 's',
  streamVersion: BigInt(n),
  position: { commit: BigInt(n), prepare: BigInt(n) },
  recordedAt: new Date(occurredAt),
});

const steps = (events: readonly RecordedEvent<Step>[], until: string): number[] =>
  foldUntil<Step, number[]>(events, (state, event) => [...state, event.data.n], [], Date.parse(until));

describe('foldUntil', () => {
  const history = [at(1, '2026-01-01T00:00:00.000Z'), at(2, '2026-01-02T00:00:00.000Z'), at(3, '2026-01-03T00:00:00.000Z')];

  it('folds the events stamped up to the moment, that moment included', () => {
    expect(steps(history, '2025-12-31T00:00:00.000Z')).toEqual([]);
    expect(steps(history, '2026-01-02T00:00:00.000Z')).toEqual([1, 2]);
    expect(steps(history, '2026-01-02T12:00:00.000Z')).toEqual([1, 2]);
    expect(foldUntil<Step, number>(history, (sum, e) => sum + e.data.n, 0, Infinity)).toBe(6);
  });

  it('stops at the first event after the moment: a later event stamped earlier (another clock) is not folded without the ones before it', () => {
    const skewed = [at(1, '2026-01-01T00:00:00.000Z'), at(2, '2026-01-03T00:00:00.000Z'), at(3, '2026-01-02T00:00:00.000Z')];
    expect(steps(skewed, '2026-01-02T12:00:00.000Z')).toEqual([1]);
  });
});
