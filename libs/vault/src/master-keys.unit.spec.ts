import { randomBytes } from 'node:crypto';
import { masterKeyId, type MasterKey, type MasterKeyring } from '@keyward/config';
import { MasterKeys } from './master-keys';

const key = (): MasterKey => {
  const bytes = randomBytes(32);
  return { id: masterKeyId(bytes), key: bytes };
};
const ring = (...keys: MasterKey[]): MasterKeyring => ({ current: keys[0], keys, source: 'file' });

describe('MasterKeys', () => {
  it('finds every key of a keyring with several, and wraps under the first', () => {
    const [current, previous] = [key(), key()];
    const keys = new MasterKeys(() => ring(current, previous));
    expect(keys.find(current.id)).toBe(current);
    expect(keys.find(previous.id)).toBe(previous);
    expect(keys.find(key().id)).toBeUndefined();
    expect(keys.fresh()).toBe(current);
  });

  it('reloads on request and keeps the keys it held, so a row read before a rotation still opens', () => {
    const [old, next] = [key(), key()];
    let loaded = ring(old);
    const keys = new MasterKeys(() => loaded);
    loaded = ring(next);
    expect(keys.find(next.id)).toBeUndefined();
    keys.reload();
    expect(keys.find(next.id)).toBe(next);
    expect(keys.find(old.id)).toBe(old);
    expect(keys.fresh()).toBe(next);
  });
});
