import type { KeyEvent } from '@keyward/contracts';
import { NOW, at, keyCreated, keyRevoked } from '../testing';
import { evolveKey } from './evolve-key';
import { initialKeyState, type KeyState } from './key.state';
import { keyStatusAt, lifetimeOf, type KeyLifetime } from './key-status';

const key = (...events: KeyEvent[]): KeyLifetime => {
  const state: KeyState = events.reduce(evolveKey, initialKeyState);
  if (state.status === 'absent') throw new Error('the events create no key');
  return lifetimeOf(state);
};

describe('keyStatusAt', () => {
  it('is active without expiry, whenever asked', () => {
    expect(keyStatusAt(key(keyCreated()), at('2100-01-01T00:00:00.000Z'))).toBe('active');
  });

  it('is active before the expiry and expired from its instant on', () => {
    const expiring = key(keyCreated({ expiresAt: '2026-11-23T10:30:00.000Z' }));
    expect(keyStatusAt(expiring, NOW)).toBe('active');
    expect(keyStatusAt(expiring, at('2026-11-23T10:29:59.999Z'))).toBe('active');
    expect(keyStatusAt(expiring, at('2026-11-23T10:30:00.000Z'))).toBe('expired');
  });

  it('is revoked once revoked, expired or not', () => {
    expect(keyStatusAt(key(keyCreated(), keyRevoked()), NOW)).toBe('revoked');
    expect(keyStatusAt(key(keyCreated({ expiresAt: '2026-11-23T10:30:00.000Z' }), keyRevoked()), at('2027-01-01T00:00:00.000Z'))).toBe('revoked');
  });
});
