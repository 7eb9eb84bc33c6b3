import { KeyIndex } from './key-index';
import { askOf, indexOf, keyCreated, recorded, TEST_NOW } from '../testing/verifier-events';

const renamed = (keyId: string, name: string) => recorded({ type: 'KeyRenamed', data: { keyId, name } });
const expiryChanged = (keyId: string, expiresAt: string | null) => recorded({ type: 'KeyExpiryChanged', data: { keyId, expiresAt } });
const LATER = new Date(TEST_NOW + 86_400_000).toISOString();

describe('KeyIndex: renames and expiry changes', () => {
  it('answers the new name at once, though the old answer was made and kept', () => {
    const key = keyCreated({ name: 'before' });
    const index = indexOf(key.event);
    const ask = askOf(index);
    expect(ask({ key: key.secret })).toMatchObject({ code: 'VALID', name: 'before' });
    index.apply(renamed(key.keyId, 'after'));
    expect(ask({ key: key.secret })).toMatchObject({ code: 'VALID', name: 'after' });
    expect(ask({ key: key.secret, require: 'calls:read' })).toMatchObject({ name: 'after' });
  });

  it('sets, moves into the past and clears the expiry', () => {
    const key = keyCreated();
    const index = indexOf(key.event);
    const ask = askOf(index);
    index.apply(expiryChanged(key.keyId, LATER));
    expect(ask({ key: key.secret })).toMatchObject({ code: 'VALID', expiresAt: LATER });
    expect(ask({ key: key.secret }, TEST_NOW + 86_400_000)).toMatchObject({ code: 'EXPIRED' });
    index.apply(expiryChanged(key.keyId, new Date(TEST_NOW).toISOString()));
    expect(ask({ key: key.secret })).toMatchObject({ code: 'EXPIRED' });
    index.apply(expiryChanged(key.keyId, null));
    expect(ask({ key: key.secret })).toMatchObject({ code: 'VALID', expiresAt: null });
  });

  it('leaves a revoked key revoked, and an unknown key unknown', () => {
    const key = keyCreated();
    const index = indexOf(key.event, recorded({ type: 'KeyRevoked', data: { keyId: key.keyId, revokedAt: '' } }));
    expect(index.apply(expiryChanged(key.keyId, null))).toBe('applied');
    expect(askOf(index)({ key: key.secret })).toMatchObject({ code: 'REVOKED' });
    expect(index.apply(renamed('key_000000000000000000000999', 'x'))).toBe('applied');
  });

  it('keeps both in a snapshot', () => {
    const key = keyCreated();
    const original = indexOf(key.event, renamed(key.keyId, 'kept'), expiryChanged(key.keyId, LATER));
    const copy = new KeyIndex();
    copy.restore(structuredClone(original.snapshot()));
    expect(askOf(copy)({ key: key.secret })).toMatchObject({ code: 'VALID', name: 'kept', expiresAt: LATER });
  });

  it.each([
    ['a rename without a name', { type: 'KeyRenamed', data: { keyId: 'key_1' } }],
    ['an expiry that is no date', { type: 'KeyExpiryChanged', data: { keyId: 'key_1', expiresAt: 'soon' } }],
    ['an expiry left out', { type: 'KeyExpiryChanged', data: { keyId: 'key_1' } }],
  ])('refuses %s as malformed', (_, event) => {
    expect(() => new KeyIndex().apply(recorded(event))).toThrow(/MalformedEvent|KeyRenamed|KeyExpiryChanged/);
  });
});
