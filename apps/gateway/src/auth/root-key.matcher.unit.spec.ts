import { RootKeyMatcher } from './root-key.matcher';

describe('RootKeyMatcher', () => {
  const rootKey = `kwroot_${'a'.repeat(43)}`;
  const matcher = new RootKeyMatcher(rootKey);

  it('accepts the root key', () => {
    expect(matcher.matches(rootKey)).toBe(true);
  });

  it.each([
    ['a longer token', `${rootKey}x`],
    ['a prefix of it', rootKey.slice(0, -1)],
    ['one character changed', `${rootKey.slice(0, -1)}b`],
    ['different case', rootKey.toUpperCase()],
    ['an empty token', ''],
    ['a Keyward key', `kw_live_${'A'.repeat(38)}`],
  ])('refuses %s, whatever its length', (_, token) => {
    expect(matcher.matches(token)).toBe(false);
  });

  it('compares UTF-8, so non-ASCII root keys work', () => {
    const unicode = `wurzelschlüssel-${'ü'.repeat(32)}`;
    expect(new RootKeyMatcher(unicode).matches(unicode)).toBe(true);
    expect(new RootKeyMatcher(unicode).matches(unicode.normalize('NFD'))).toBe(false);
  });
});
