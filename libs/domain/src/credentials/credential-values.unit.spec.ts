import { ErrorCodes } from '@keyward/contracts';
import { DomainError } from '../domain.error';
import { isCredentialId, newCredentialId } from './credential-id';
import { assertCredentialValue, isLastFour, lastFourOf, valueFitsLocation, validLocation, validParameterName } from './credential-values';

const fieldOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError && error.code === ErrorCodes.validationFailed) return error.field;
    throw error;
  }
  return undefined;
};

describe('credential ids', () => {
  it('are cred_ and 24 base62 characters, never repeating', () => {
    const ids = Array.from({ length: 300 }, () => newCredentialId());
    expect(ids.every(isCredentialId)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(['cred_x', 'key_aaaaaaaaaaaaaaaaaaaaaaaa', `cred_${'a'.repeat(25)}`, 7, undefined])('refuses %p', (id) => {
    expect(isCredentialId(id)).toBe(false);
  });
});

describe('validLocation', () => {
  it.each(['header', 'query', 'bearer'])('takes %s', (location) => {
    expect(validLocation(location)).toBe(location);
  });

  it.each(['Header', 'body', ''])('refuses %p', (location) => {
    expect(fieldOf(() => validLocation(location))).toBe('location');
  });
});

describe('validParameterName', () => {
  it('is always Authorization for bearer, named or not', () => {
    expect(validParameterName('bearer', undefined)).toBe('Authorization');
    expect(validParameterName('bearer', 'authorization')).toBe('Authorization');
    expect(fieldOf(() => validParameterName('bearer', 'X-API-Key'))).toBe('parameterName');
  });

  it.each([
    ['header', 'X-API-Key'],
    ['header', 'Authorization'],
    ['query', 'api_key'],
    ['query', 'key.v2~x'],
  ] as const)('takes %s %s', (location, name) => {
    expect(validParameterName(location, name)).toBe(name);
  });

  it.each([
    ['header', undefined],
    ['header', ''],
    ['header', 'X API Key'],
    ['header', 'X-Key:'],
    ['header', 'Host'],
    ['header', 'content-length'],
    // The broker's callers may not set these either (one list, CLIENT_OWNED_HEADERS): a credential there could never be sent.
    ['header', 'Expect'],
    ['header', 'Accept-Encoding'],
    ['header', 'Proxy-Authorization'],
    ['header', 'x'.repeat(101)],
    ['query', undefined],
    ['query', 'api key'],
    ['query', 'a&b'],
    ['query', 'a=b'],
  ] as const)('refuses %s %p', (location, name) => {
    expect(fieldOf(() => validParameterName(location, name))).toBe('parameterName');
  });
});

describe('assertCredentialValue', () => {
  it('takes 1 to 8192 characters as they are, spaces included', () => {
    expect(fieldOf(() => assertCredentialValue(' sk_live_x '))).toBeUndefined();
    expect(fieldOf(() => assertCredentialValue('é'.repeat(8192)))).toBeUndefined();
  });

  it.each(['', 'x'.repeat(8193), 'a\nb', 'a\u0000b', 'a\u007fb'])('refuses %p, without repeating it', (value) => {
    let message = '';
    try {
      assertCredentialValue(value);
    } catch (error) {
      message = (error as DomainError).message;
    }
    expect(fieldOf(() => assertCredentialValue(value))).toBe('value');
    if (value.length > 0) expect(message).not.toContain(value);
  });
});

describe('lastFourOf', () => {
  it('shows the last 4 characters of a value longer than 8, nothing of a shorter one', () => {
    expect(lastFourOf('sk_live_51Habcd')).toBe('abcd');
    expect(lastFourOf('123456789')).toBe('6789');
    expect(lastFourOf('12345678')).toBe('');
    expect(lastFourOf('ééééééééé😀')).toBe('ééé😀');
  });
});

describe('isLastFour', () => {
  it('takes what lastFourOf answers, counted in code points', () => {
    for (const value of ['sk_live_51Habcd', '12345678', 'ééééééééé😀', `${'x'.repeat(9)}😀😀😀😀`]) expect(isLastFour(lastFourOf(value))).toBe(true);
  });

  it.each(['abc', 'abcde', '😀😀😀😀😀', 'ab\ncd', 'ab\u0000c'])('refuses %p', (raw) => {
    expect(isLastFour(raw)).toBe(false);
  });
});

describe('valueFitsLocation', () => {
  it('takes Latin-1 text in a header or bearer token, any text in a query', () => {
    const locations = ['header', 'bearer', 'query'] as const;
    expect(locations.map((l) => valueFitsLocation(l, 'sk_live a/b+ÿé'))).toEqual([true, true, true]);
    expect(locations.map((l) => valueFitsLocation(l, 'ключ😀'))).toEqual([false, false, true]);
    expect(valueFitsLocation('header', 'sk_\u0100')).toBe(false);
  });
});
