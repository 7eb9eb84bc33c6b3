import { RootKeyMatcher } from './root-key.matcher';

describe('RootKeyMatcher', () => {
  const rootKey = `kwroot_${'a'.repeat(43)}`;
  const matcher = new RootKeyMatcher(rootKey);

  it('accepts the root key only', () => {
    expect(matcher.matches(rootKey)).toBe(true);
    expect(matcher.matches(`${rootKey}x`)).toBe(false);
    expect(matcher.matches(rootKey.slice(0, -1))).toBe(false);
    expect(matcher.matches('')).toBe(false);
  });
});
