import { isKeyId, newKeyId } from './key-id';

describe('key ids', () => {
  it('are key_ + 24 base62 characters, and distinct', () => {
    const ids = new Set(Array.from({ length: 10_000 }, newKeyId));
    expect(ids.size).toBe(10_000);
    for (const id of ids) {
      expect(id).toMatch(/^key_[0-9A-Za-z]{24}$/);
      expect(isKeyId(id)).toBe(true);
    }
  });

  it.each([42, undefined, null, '', 'key_short', `key_${'a'.repeat(25)}`, `KEY_${'a'.repeat(24)}`, `key_${'a'.repeat(23)}-`, ` key_${'a'.repeat(24)}`, `key_${'a'.repeat(24)}\n`])(
    'refuses %p',
    (value) => expect(isKeyId(value)).toBe(false),
  );
});
