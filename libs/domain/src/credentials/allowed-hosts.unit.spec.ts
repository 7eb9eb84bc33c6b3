import { ErrorCodes } from '@keyward/contracts';
import { DomainError } from '../domain.error';
import { normaliseHost, validAllowedHosts } from './allowed-hosts';

describe('normaliseHost', () => {
  it.each([
    ['api.stripe.com', 'api.stripe.com'],
    ['API.Stripe.COM', 'api.stripe.com'],
    [' api.stripe.com ', 'api.stripe.com'],
    ['api.stripe.com.', 'api.stripe.com'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
    ['localhost', 'localhost'],
    ['10.0.0.1', '10.0.0.1'],
    ['[2001:DB8::1]', '[2001:db8::1]'],
    ['a-b.c', 'a-b.c'],
    ['api.stripe.com:8443', 'api.stripe.com:8443'],
    ['API.Stripe.com.:0443', 'api.stripe.com:443'],
    ['[2001:db8::1]:443', '[2001:db8::1]:443'],
    ['127.0.0.1:8080', '127.0.0.1:8080'],
  ])('%p is %p', (raw, host) => {
    expect(normaliseHost(raw)).toBe(host);
  });

  it.each([
    '',
    'https://api.stripe.com',
    'api.stripe.com:0',
    'api.stripe.com:65536',
    'api.stripe.com:',
    'api.stripe.com:443:443',
    'api.stripe.com/v1',
    'user@api.stripe.com',
    '*.stripe.com',
    'api stripe.com',
    'api_stripe.com',
    '-api.stripe.com',
    'api-.stripe.com',
    'a..b',
    '.',
    '2001:db8::1',
    '2001:db8::1:443',
    '[fe80::1%eth0]',
    'api.stripe.com?x',
    'api.stripe.com#x',
    'api%2estripe.com',
    `${'a'.repeat(64)}.com`,
    `${'abcdefghi.'.repeat(26)}com`,
  ])('refuses %p', (raw) => {
    expect(normaliseHost(raw)).toBeUndefined();
  });
});

describe('validAllowedHosts', () => {
  const refusal = (raw: string[]) => {
    try {
      validAllowedHosts(raw);
    } catch (error) {
      if (error instanceof DomainError) return { code: error.code, field: error.field };
    }
    return undefined;
  };

  it('normalises, once each, in the order given', () => {
    expect(validAllowedHosts(['API.example.com', 'b.example', 'api.example.com.'])).toEqual(['api.example.com', 'b.example']);
  });

  it('takes 1 to 20 hosts', () => {
    expect(refusal([])).toEqual({ code: ErrorCodes.validationFailed, field: 'allowedHosts' });
    expect(validAllowedHosts(Array.from({ length: 20 }, (_, i) => `h${i}.example`))).toHaveLength(20);
    expect(refusal(Array.from({ length: 21 }, (_, i) => `h${i}.example`))).toEqual({ code: ErrorCodes.validationFailed, field: 'allowedHosts' });
  });

  it('names the entry at fault', () => {
    expect(refusal(['a.example', 'https://b.example'])).toEqual({ code: ErrorCodes.validationFailed, field: 'allowedHosts[1]' });
  });
});
