import { ApiError } from '../errors/api-error';
import { idempotencyKeyOf } from './idempotency-key.header';

const sent = (...headers: string[]) => ({ rawHeaders: headers });

describe('idempotencyKeyOf', () => {
  it('is undefined when the request sent none', () => {
    expect(idempotencyKeyOf(sent('Content-Type', 'application/json'))).toBeUndefined();
  });

  it.each([['a UUID', '3f0c2a1e-9b7d-4c55-8e0a-1b2c3d4e5f60'], ['one character', 'x'], ['255 characters', 'k'.repeat(255)], ['printable ASCII with spaces and symbols', 'order 42 / retry #1 {~}']])(
    'accepts %s, whatever the header name’s case',
    (_what, key) => {
      expect(idempotencyKeyOf(sent('idempotency-KEY', key))).toBe(key);
    },
  );

  it.each([
    ['256 characters', 'k'.repeat(256)],
    ['an empty value', ''],
    ['a non-ASCII character', 'clé'],
    ['a control character', 'a\tb'],
    ['a DEL character', 'a\x7fb'],
  ])('refuses %s with VALIDATION_FAILED naming the header', (_what, key) => {
    const refusal = (() => {
      try {
        idempotencyKeyOf(sent('Idempotency-Key', key));
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(refusal).toBeInstanceOf(ApiError);
    expect((refusal as ApiError).body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', details: [{ field: 'Idempotency-Key' }] });
  });

  it('refuses two Idempotency-Key headers, even with the same value: ambiguous', () => {
    expect(() => idempotencyKeyOf(sent('Idempotency-Key', 'a', 'Accept', '*/*', 'idempotency-key', 'a'))).toThrow(ApiError);
  });

  it('does not take a header value that happens to read "idempotency-key" for the name', () => {
    expect(idempotencyKeyOf(sent('X-Note', 'idempotency-key', 'Idempotency-Key', 'k1'))).toBe('k1');
  });
});
