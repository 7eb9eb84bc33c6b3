import { isWrite, presentsCsrfToken } from './csrf-token';

describe('CSRF token', () => {
  const token = 'c'.repeat(43);

  it.each([
    ['the token', token, true],
    ['another token', 'd'.repeat(43), false],
    ['a prefix', token.slice(0, -1), false],
    ['a longer one', `${token}c`, false],
    ['an empty header', '', false],
    ['two headers', [token, token], false],
    ['none', undefined, false],
  ])('%s → %s', (_, given, accepted) => {
    expect(presentsCsrfToken({ headers: given === undefined ? {} : { 'x-csrf-token': given } }, token)).toBe(accepted);
  });

  it('asks it of every method but GET, HEAD and OPTIONS', () => {
    expect(['GET', 'HEAD', 'OPTIONS'].map((method) => isWrite({ method }))).toEqual([false, false, false]);
    expect(['POST', 'PUT', 'PATCH', 'DELETE', 'PROPFIND'].map((method) => isWrite({ method }))).toEqual([true, true, true, true, true]);
  });
});
