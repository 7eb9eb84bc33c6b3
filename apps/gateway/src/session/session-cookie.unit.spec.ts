import type { Request, Response } from 'express';
import { cookieSecureOf, SessionCookie, sessionIdsOf } from './session-cookie';

const request = (cookie?: string, secure = false, hostname = '127.0.0.1'): Request => ({ headers: cookie === undefined ? {} : { cookie }, secure, hostname }) as Request;
const response = () => {
  const set: string[] = [];
  return { set, response: { append: (name: string, value: string) => set.push(`${name}: ${value}`) } as unknown as Response };
};

describe('session cookie', () => {
  it('reads every session cookie under either name, each copy, and nothing without one', () => {
    expect(sessionIdsOf(request('theme=dark; keyward_session=abc; other=1'))).toEqual(['abc']);
    expect(sessionIdsOf(request('__Host-keyward_session=abc'))).toEqual(['abc']);
    // A cookie planted at Path=/v1 comes first: both are seen, so neither is trusted.
    expect(sessionIdsOf(request('keyward_session=planted; keyward_session=abc'))).toEqual(['planted', 'abc']);
    expect(sessionIdsOf(request('__Host-keyward_session=abc; keyward_session=planted'))).toEqual(['abc', 'planted']);
    expect(sessionIdsOf(request('theme=dark'))).toEqual([]);
    expect(sessionIdsOf(request('keyward_session='))).toEqual([]);
    expect(sessionIdsOf(request())).toEqual([]);
  });

  it('sets it HttpOnly, SameSite=Strict, Path=/; Secure and __Host- unless plain http to loopback', () => {
    const cookie = new SessionCookie('auto');
    const plain = response();
    cookie.set(request(), plain.response, 'abc');
    // Each drops a cookie of the other name, which would otherwise make two.
    expect(plain.set).toEqual(['Set-Cookie: keyward_session=abc; Path=/; HttpOnly; SameSite=Strict', 'Set-Cookie: __Host-keyward_session=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; SameSite=Strict']);
    const tls = response();
    cookie.set(request(undefined, true), tls.response, 'abc');
    expect(tls.set).toEqual(['Set-Cookie: __Host-keyward_session=abc; Path=/; HttpOnly; Secure; SameSite=Strict', 'Set-Cookie: keyward_session=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; SameSite=Strict']);
    // Plain http to a real host name: a TLS proxy that KEYWARD_TRUST_PROXY does not name yet. Secure all the same.
    const proxied = response();
    cookie.set(request(undefined, false, 'console.example.com'), proxied.response, 'abc');
    expect(proxied.set).toEqual(['Set-Cookie: __Host-keyward_session=abc; Path=/; HttpOnly; Secure; SameSite=Strict', 'Set-Cookie: keyward_session=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; SameSite=Strict']);
    const forced = response();
    new SessionCookie('always').set(request(), forced.response, 'abc');
    expect(forced.set).toEqual(['Set-Cookie: __Host-keyward_session=abc; Path=/; HttpOnly; Secure; SameSite=Strict', 'Set-Cookie: keyward_session=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; SameSite=Strict']);
    for (const hostname of ['localhost', 'app.localhost', '127.0.0.2', '[::1]']) expect(cookie.isSecure(request(undefined, false, hostname))).toBe(false);
  });

  it('clears it under both names with an expiry in the past', () => {
    const cleared = response();
    new SessionCookie('auto').clear(request(), cleared.response);
    expect(cleared.set).toEqual([
      'Set-Cookie: keyward_session=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict',
      'Set-Cookie: __Host-keyward_session=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; SameSite=Strict',
    ]);
  });

  it('takes KEYWARD_COOKIE_SECURE as auto or true, and stops the start otherwise', () => {
    expect(cookieSecureOf({})).toBe('auto');
    expect(cookieSecureOf({ KEYWARD_COOKIE_SECURE: 'true' })).toBe('always');
    expect(() => cookieSecureOf({ KEYWARD_COOKIE_SECURE: 'false' })).toThrow(/KEYWARD_COOKIE_SECURE/);
  });
});
