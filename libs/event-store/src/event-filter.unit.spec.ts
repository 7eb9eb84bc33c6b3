import type { RecordedEvent } from './event-store.port';
import { matchesEventFilter } from './event-filter';

const event: RecordedEvent = {
  type: 'KeyRevoked', data: {}, eventId: '00000000-0000-4000-8000-000000000001', streamId: 'key-1', streamVersion: 1n,
  position: { commit: 1n, prepare: 1n }, recordedAt: new Date('2026-01-02T00:00:00.000Z'),
  metadata: { workspaceId: 'ws', actor: 'key_a', correlationId: 'c', causationId: 'c', occurredAt: '2026-01-02T00:00:00.000Z', schemaVersion: 1 },
};

/** The client-side filter (EventStoreDB); PostgreSQL's SQL is proven by the contract suite. */
describe('matchesEventFilter', () => {
  it('keeps an event every given field matches, and with no field given', () => {
    expect(matchesEventFilter(event, {})).toBe(true);
    expect(matchesEventFilter(event, { workspaceId: 'ws', streamId: 'key-1', type: 'KeyRevoked', actor: 'key_a' })).toBe(true);
  });

  it.each([
    ['workspace', { workspaceId: 'other' }],
    ['stream', { streamId: 'key-2' }],
    ['type', { type: 'KeyCreated' }],
    ['actor', { actor: 'root' }],
  ])('drops an event of another %s', (_, filter) => {
    expect(matchesEventFilter(event, filter)).toBe(false);
  });

  it('takes `from` as inclusive and `to` as exclusive, on occurredAt', () => {
    const at = new Date('2026-01-02T00:00:00.000Z');
    expect(matchesEventFilter(event, { from: at })).toBe(true);
    expect(matchesEventFilter(event, { to: at })).toBe(false);
    expect(matchesEventFilter(event, { from: new Date(at.getTime() + 1) })).toBe(false);
    expect(matchesEventFilter(event, { to: new Date(at.getTime() + 1) })).toBe(true);
  });
});
