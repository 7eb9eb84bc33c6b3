import type { VerifyAnswer } from '@keyward/contracts';
import { UsageCounter, type UsageOwners } from './usage.counter';

const HOUR = 3_600_000;
const t0 = Date.parse('2026-03-01T10:00:00.000Z');

/** Keys `key_0` … `key_n` in slots 0 … n, of workspace `ws_<slot % 2>`. */
const owners: UsageOwners = {
  slotOf: (keyId) => (/^key_\d+$/.test(keyId) ? Number(keyId.slice(4)) : undefined),
  ownerAt: (slot) => ({ keyId: `key_${slot}`, workspaceId: `ws_${slot % 2}` }),
};

const answer = (code: VerifyAnswer['code'], keyId?: string): VerifyAnswer => ({ valid: code === 'VALID', code, keyId });

describe('UsageCounter', () => {
  it('counts per key, code and hour, with the last VALID answer, and drains to zero', () => {
    const counter = new UsageCounter(owners);
    counter.record(answer('VALID', 'key_1'), t0 + 5);
    counter.record(answer('VALID', 'key_1'), t0 + 9);
    counter.record(answer('REVOKED', 'key_2'), t0 + 7);
    counter.record(answer('INSUFFICIENT_PERMISSIONS', 'key_1'), t0 + 10);
    expect(counter.drain()).toEqual([
      { workspaceId: 'ws_1', keyId: 'key_1', hour: '2026-03-01T10:00:00.000Z', counts: { VALID: 2, INSUFFICIENT_PERMISSIONS: 1 }, lastValidAt: new Date(t0 + 9).toISOString() },
      { workspaceId: 'ws_0', keyId: 'key_2', hour: '2026-03-01T10:00:00.000Z', counts: { REVOKED: 1 }, lastValidAt: null },
    ]);
    expect(counter.drain()).toEqual([]);
  });

  it('counts USAGE_EXCEEDED and DISABLED toward the key like any denial', () => {
    const counter = new UsageCounter(owners);
    counter.record(answer('USAGE_EXCEEDED', 'key_1'), t0);
    counter.record(answer('USAGE_EXCEEDED', 'key_1'), t0);
    counter.record(answer('DISABLED', 'key_1'), t0);
    expect(counter.drain()).toEqual([{ workspaceId: 'ws_1', keyId: 'key_1', hour: '2026-03-01T10:00:00.000Z', counts: { USAGE_EXCEEDED: 2, DISABLED: 1 }, lastValidAt: null }]);
  });

  it('does not count answers that name no key, or a key the index does not know', () => {
    const counter = new UsageCounter(owners);
    for (const code of ['MALFORMED', 'NOT_FOUND', 'UNAVAILABLE'] as const) counter.record(answer(code), t0);
    counter.record(answer('VALID', 'key_unknown'), t0);
    expect(counter.drain()).toEqual([]);
  });

  it('keeps each hour apart when the clock turns between two drains', () => {
    const counter = new UsageCounter(owners);
    counter.record(answer('VALID', 'key_3'), t0 + HOUR - 1);
    counter.record(answer('VALID', 'key_3'), t0 + HOUR);
    counter.record(answer('EXPIRED', 'key_3'), t0 + HOUR + 1);
    expect(counter.drain()).toEqual([
      { workspaceId: 'ws_1', keyId: 'key_3', hour: '2026-03-01T10:00:00.000Z', counts: { VALID: 1 }, lastValidAt: new Date(t0 + HOUR - 1).toISOString() },
      { workspaceId: 'ws_1', keyId: 'key_3', hour: '2026-03-01T11:00:00.000Z', counts: { VALID: 1, EXPIRED: 1 }, lastValidAt: new Date(t0 + HOUR).toISOString() },
    ]);
  });

  it('counts an answer of an hour that already turned in its own hour (a rate-limited answer that waited)', () => {
    const counter = new UsageCounter(owners);
    counter.record(answer('VALID', 'key_1'), t0 + HOUR + 1);
    counter.record(answer('RATE_LIMITED', 'key_1'), t0 + HOUR - 5);
    counter.record(answer('VALID', 'key_1'), t0 + HOUR - 3);
    expect(counter.drain()).toEqual([
      { workspaceId: 'ws_1', keyId: 'key_1', hour: '2026-03-01T10:00:00.000Z', counts: { RATE_LIMITED: 1 }, lastValidAt: null },
      { workspaceId: 'ws_1', keyId: 'key_1', hour: '2026-03-01T10:00:00.000Z', counts: { VALID: 1 }, lastValidAt: new Date(t0 + HOUR - 3).toISOString() },
      { workspaceId: 'ws_1', keyId: 'key_1', hour: '2026-03-01T11:00:00.000Z', counts: { VALID: 1 }, lastValidAt: new Date(t0 + HOUR + 1).toISOString() },
    ]);
  });

  it('grows past its first slots and loses no count', () => {
    const counter = new UsageCounter(owners);
    for (let slot = 0; slot < 5_000; slot++) counter.record(answer('VALID', `key_${slot}`), t0);
    for (let slot = 0; slot < 5_000; slot += 7) counter.record(answer('VALID', `key_${slot}`), t0 + 1);
    const entries = counter.drain();
    expect(entries).toHaveLength(5_000);
    expect(entries.reduce((sum, e) => sum + (e.counts.VALID ?? 0), 0)).toBe(5_000 + Math.ceil(5_000 / 7));
  });
});
