import { failingFields, validateDto } from '../../testing/validate-dto';
import { UpdateKeyRequestDto } from './update-key.request.dto';

const inOneDay = (): string => new Date(Date.now() + 86_400_000).toISOString();

describe('UpdateKeyRequestDto', () => {
  it.each([
    ['nothing', {}],
    ['a name', { name: 'renamed' }],
    ['an expiry', { expiresAt: inOneDay() }],
    ['a cleared expiry', { expiresAt: null }],
    ['a rate limit at its edges', { ratelimit: { limit: 1_000_000, windowSeconds: 86_400 } }],
    ['a cleared rate limit', { ratelimit: null }],
    ['an allowlist of addresses and ranges', { ipAllowlist: ['203.0.113.7', '10.0.0.0/8', '2001:db8::/32', '::ffff:192.0.2.1'] }],
    ['an empty allowlist', { ipAllowlist: [] }],
    ['a cleared allowlist', { ipAllowlist: null }],
  ])('accepts %s', async (_, body) => {
    expect(await validateDto(UpdateKeyRequestDto, body)).toMatchObject({ ok: true });
  });

  it('tells a field left out from one cleared with null', async () => {
    const result = await validateDto(UpdateKeyRequestDto, { expiresAt: null });
    expect(result).toMatchObject({ ok: true });
    expect(JSON.parse(JSON.stringify(result.ok && result.value))).toEqual({ expiresAt: null });
  });

  it.each([
    ['a name of null (a name cannot be cleared)', { name: null }, 'name'],
    ['a blank name', { name: '  ' }, 'name'],
    ['a past expiry', { expiresAt: '2000-01-01T00:00:00Z' }, 'expiresAt'],
    ['an expiry that is no date', { expiresAt: 'tomorrow' }, 'expiresAt'],
    ['a rate limit that is a number', { ratelimit: 50 }, 'ratelimit'],
    ['a limit of 0', { ratelimit: { limit: 0, windowSeconds: 10 } }, 'ratelimit.limit'],
    ['a fractional limit', { ratelimit: { limit: 1.5, windowSeconds: 10 } }, 'ratelimit.limit'],
    ['a window of more than a day', { ratelimit: { limit: 5, windowSeconds: 86_401 } }, 'ratelimit.windowSeconds'],
    ['a rate limit without a window', { ratelimit: { limit: 5 } }, 'ratelimit.windowSeconds'],
    ['a rate limit with an unknown field', { ratelimit: { limit: 5, windowSeconds: 1, burst: 2 } }, 'ratelimit.burst'],
    ['an allowlist that is a string', { ipAllowlist: '10.0.0.0/8' }, 'ipAllowlist'],
    ['an allowlist entry that is a host name', { ipAllowlist: ['example.com'] }, 'ipAllowlist'],
    ['an allowlist entry with a prefix too long', { ipAllowlist: ['10.0.0.0/33'] }, 'ipAllowlist'],
    ['101 allowlist entries', { ipAllowlist: Array.from({ length: 101 }, (_, i) => `10.0.0.${i}`) }, 'ipAllowlist'],
    ['an unknown field', { colour: 'red' }, 'colour'],
  ])('refuses %s, naming the field', async (_, body, field) => {
    expect(failingFields(await validateDto(UpdateKeyRequestDto, body))).toEqual([field]);
  });
});
