import { requestTarget } from './gateway.client';

describe('requestTarget', () => {
  it('leaves out what is not given, escapes values, names each of a list', () => {
    expect(requestTarget('/v1/keys')).toBe('/v1/keys');
    expect(requestTarget('/v1/keys', { status: 'active', search: 'a b&c', cursor: undefined, limit: 5 })).toBe('/v1/keys?status=active&search=a+b%26c&limit=5');
    expect(requestTarget('/v1/keys/k/access', { require: ['calls:read', 'contacts:write'] })).toBe('/v1/keys/k/access?require=calls%3Aread&require=contacts%3Awrite');
  });
});
