import { OutboundRefusedError } from './outbound.errors';
import { placeSecret, redactSecret } from './secret-placement';

const request = { method: 'GET', url: 'https://api.example.com/v1?q=1', headers: { accept: 'application/json' } };
const SECRET = 'sk_live a/b+c"d';

describe('placeSecret', () => {
  it('puts the secret in a header by its name', () => {
    expect(placeSecret(request, { location: 'header', parameterName: 'X-API-Key' }, SECRET).headers).toEqual({ accept: 'application/json', 'x-api-key': SECRET });
  });

  it('puts the secret in the query, encoded', () => {
    const url = new URL(placeSecret(request, { location: 'query', parameterName: 'api_key' }, SECRET).url);
    expect([url.searchParams.get('q'), url.searchParams.get('api_key')]).toEqual(['1', SECRET]);
  });

  it('puts the secret in Authorization: Bearer', () => {
    expect(placeSecret(request, { location: 'bearer', parameterName: 'Authorization' }, SECRET).headers.authorization).toBe(`Bearer ${SECRET}`);
  });

  it.each([
    [{ ...request, headers: { 'x-api-KEY': 'mine' } }, { location: 'header' as const, parameterName: 'X-API-Key' }],
    [{ ...request, headers: { Authorization: 'Bearer mine' } }, { location: 'bearer' as const, parameterName: 'Authorization' }],
    [{ ...request, url: 'https://api.example.com/?API_KEY=mine' }, { location: 'query' as const, parameterName: 'api_key' }],
  ])('refuses a caller value under the credential own name (%#)', (caller, placement) => {
    expect(() => placeSecret(caller, placement, SECRET)).toThrow(OutboundRefusedError);
  });
});

describe('redactSecret', () => {
  it('removes the secret as is, URL-encoded, form-encoded and JSON-escaped, from headers and body', () => {
    const echoed = [SECRET, encodeURIComponent(SECRET), new URLSearchParams({ k: SECRET }).toString(), JSON.stringify({ k: SECRET })].join(' | ');
    const answer = redactSecret({ status: 200, headers: { 'x-echo': echoed, 'set-cookie': [echoed, 'a=b'], [`x-${encodeURIComponent(SECRET)}`]: 'name' }, body: echoed }, SECRET);
    const text = JSON.stringify(answer);
    for (const form of [SECRET, encodeURIComponent(SECRET), 'sk_live+a%2Fb%2Bc%22d', 'sk_live a/b+c\\"d']) expect(text).not.toContain(form);
    expect(answer.body).toContain('[REDACTED]');
    expect(answer.headers['set-cookie']).toEqual([expect.stringContaining('[REDACTED]'), 'a=b']);
    expect(answer.status).toBe(200);
  });

  it('leaves no run of the secret that escaping would not change, whatever the escaping (here a URL encoded twice)', () => {
    const secret = 'sk_live_4f9Qm2Xc8Lr7+Tz1Wv6Yb3Nd0/=';
    const twice = encodeURIComponent(encodeURIComponent(`https://x.example/?k=${secret}`));
    const answer = redactSecret({ status: 200, headers: { 'x-echo': twice }, body: twice }, secret);
    for (const run of ['sk_live_4f9Qm2Xc8Lr7', 'Tz1Wv6Yb3Nd0']) expect(JSON.stringify(answer)).not.toContain(run);
    expect(answer.body).toContain('x.example');
  });
});
