import type { KeyEvent } from '@keyward/contracts';
import { decidedEvent } from './decided-event';

const revoked: KeyEvent = { type: 'KeyRevoked', data: { keyId: 'key_1', revokedAt: '2026-01-01T00:00:00.000Z' } };

describe('decidedEvent', () => {
  it('answers the one event of the type the command decides', () => {
    expect(decidedEvent([revoked], 'KeyRevoked').data.revokedAt).toBe('2026-01-01T00:00:00.000Z');
  });

  it.each<[string, KeyEvent[]]>([
    ['another type', [{ type: 'KeyDeleted', data: { keyId: 'key_1', deletedAt: '2026-01-01T00:00:00.000Z' } }]],
    ['no event', []],
  ])('is an internal error when the decider answered %s', (_, events) => {
    expect(() => decidedEvent(events, 'KeyRevoked')).toThrow('the command decided no KeyRevoked');
  });
});
