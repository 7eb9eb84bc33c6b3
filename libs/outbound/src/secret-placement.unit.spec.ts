import { OutboundRefusedError } from './outbound.errors';
import { placeSecret } from './secret-placement';

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
