import type { Request, Response } from 'express';
import { clearSessionCookie, sessionIdOf, setSessionCookie } from './session-cookie';

const request = (cookie?: string, secure = false): Request => ({ headers: cookie === undefined ? {} : { cookie }, secure }) as Request;
const response = () => {
  const set: string[] = [];
  return { set, response: { append: (name: string, value: string) => set.push(`${name}: ${value}`) } as unknown as Response };
};

describe('session cookie', () => {
  it('reads the session id among other cookies, and nothing without one', () => {
    expect(sessionIdOf(request('theme=dark; keyward_session=abc; other=1'))).toBe('abc');
    expect(sessionIdOf(request('theme=dark'))).toBeUndefined();
    expect(sessionIdOf(request('keyward_session='))).toBeUndefined();
    expect(sessionIdOf(request())).toBeUndefined();
  });

  it('sets it HttpOnly, SameSite=Strict, Path=/, and Secure only over https', () => {
    const plain = response();
    setSessionCookie(request(), plain.response, 'abc');
    expect(plain.set).toEqual(['Set-Cookie: keyward_session=abc; Path=/; HttpOnly; SameSite=Strict']);
    const tls = response();
    setSessionCookie(request(undefined, true), tls.response, 'abc');
    expect(tls.set).toEqual(['Set-Cookie: keyward_session=abc; Path=/; HttpOnly; Secure; SameSite=Strict']);
  });

  it('clears it with an expiry in the past', () => {
    const cleared = response();
    clearSessionCookie(request(), cleared.response);
    expect(cleared.set).toEqual(['Set-Cookie: keyward_session=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict']);
  });
});
