import type { RecordedEvent } from '../event-store.port';
import { CHAIN_GENESIS, canonicalEvent, chainHash } from './canonical-event';

const event = (overrides: Partial<Record<string, unknown>> = {}): RecordedEvent =>
  ({
    eventId: '6f1d3c1e-0000-4000-8000-000000000001',
    type: 'KeyCreated',
    data: { keyId: 'k1', name: 'ci', roles: ['reader'] },
    metadata: { actor: 'root', correlationId: 'c1', occurredAt: '2026-01-01T00:00:00.000Z' },
    streamId: 'key-k1',
    streamVersion: 0n,
    position: { commit: 7n, prepare: 3n },
    recordedAt: new Date('2026-01-01T00:00:00.000Z'),
    ...overrides,
  }) as unknown as RecordedEvent;

describe('canonicalEvent', () => {
  it('does not depend on the order of keys, at any depth', () => {
    const reordered = event({
      data: { roles: ['reader'], name: 'ci', keyId: 'k1' },
      metadata: { occurredAt: '2026-01-01T00:00:00.000Z', correlationId: 'c1', actor: 'root' },
    });
    expect(canonicalEvent(reordered)).toBe(canonicalEvent(event()));
    expect(chainHash(CHAIN_GENESIS, reordered).equals(chainHash(CHAIN_GENESIS, event()))).toBe(true);
  });

  it.each([
    ['position commit', { position: { commit: 8n, prepare: 3n } }],
    ['position prepare', { position: { commit: 7n, prepare: 4n } }],
    ['stream', { streamId: 'key-k2' }],
    ['stream version', { streamVersion: 1n }],
    ['event id', { eventId: '6f1d3c1e-0000-4000-8000-000000000002' }],
    ['type', { type: 'KeyRevoked' }],
    ['data', { data: { keyId: 'k1', name: 'cj', roles: ['reader'] } }],
    ['metadata', { metadata: { actor: 'mallory', correlationId: 'c1', occurredAt: '2026-01-01T00:00:00.000Z' } }],
    ['recorded time', { recordedAt: new Date('2026-01-01T00:00:00.001Z') }],
  ])('changes the hash when the %s changes', (_field, change) => {
    expect(chainHash(CHAIN_GENESIS, event(change)).equals(chainHash(CHAIN_GENESIS, event()))).toBe(false);
  });

  it('chains: the same event after a different previous hash hashes differently', () => {
    const first = chainHash(CHAIN_GENESIS, event());
    expect(chainHash(first, event()).equals(first)).toBe(false);
    expect(first).toHaveLength(32);
  });
});
