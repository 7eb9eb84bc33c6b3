import { failingFields, validateDto } from '../../testing/validate-dto';
import { CreateKeyRequestDto } from './create-key.request.dto';

const inOneDay = (): string => new Date(Date.now() + 86_400_000).toISOString();

describe('CreateKeyRequestDto', () => {
  it.each([
    ['a name alone', { name: 'orders' }],
    ['a name of 100 characters, an expiry and an environment', { name: 'x'.repeat(100), expiresAt: inOneDay(), environment: 'test' }],
    ['roles and permissions', { name: 'restricted', roles: ['read-only'], permissions: { calls: 'read', contacts: 'write', billing: 'none' } }],
    ['unrestricted', { name: 'admin-like', unrestricted: true, environment: 'live' }],
    ['empty roles and permissions (a restricted key that holds nothing)', { name: 'nothing', roles: [], permissions: {} }],
    ['a name with letters of any script', { name: 'Zahlungsdienst – Bestellungen ✓' }],
    ['a rate limit and an IP allowlist', { name: 'limited', ratelimit: { limit: 50, windowSeconds: 10 }, ipAllowlist: ['203.0.113.0/24', '2001:db8::7'] }],
    ['no rate limit and no allowlist, as null', { name: 'plain', ratelimit: null, ipAllowlist: null }],
  ])('accepts %s', async (_, body) => {
    expect(await validateDto(CreateKeyRequestDto, body)).toMatchObject({ ok: true });
  });

  it('trims the name, and counts its length after trimming', async () => {
    expect(await validateDto(CreateKeyRequestDto, { name: '  padded  ' })).toMatchObject({ ok: true, value: { name: 'padded' } });
    expect(await validateDto(CreateKeyRequestDto, { name: ` ${'x'.repeat(100)} ` })).toMatchObject({ ok: true });
  });

  it.each([
    ['a missing name', {}, 'name'],
    ['a blank name', { name: '   ' }, 'name'],
    ['a name of 101 characters', { name: 'x'.repeat(101) }, 'name'],
    ['a name that is a number', { name: 42 }, 'name'],
    ['a name with a line break', { name: 'forged\nline' }, 'name'],
    ['an unknown field', { name: 'x', colour: 'red' }, 'colour'],
    ['a past expiry', { name: 'x', expiresAt: '2000-01-01T00:00:00Z' }, 'expiresAt'],
    ['an expiry that is no date', { name: 'x', expiresAt: 'tomorrow' }, 'expiresAt'],
    ['an impossible date', { name: 'x', expiresAt: '2999-02-30T00:00:00Z' }, 'expiresAt'],
    ['an expiry that is a number', { name: 'x', expiresAt: 1_900_000_000_000 }, 'expiresAt'],
    ['an unknown environment', { name: 'x', environment: 'prod' }, 'environment'],
    ['roles that are not a list', { name: 'x', roles: 'admin' }, 'roles'],
    ['an empty role id', { name: 'x', roles: [''] }, 'roles'],
    ['a role id that is a number', { name: 'x', roles: [7] }, 'roles'],
    ['an unknown access level', { name: 'x', permissions: { calls: 'admin' } }, 'permissions'],
    ['a resource name that is not lowercase', { name: 'x', permissions: { 'Calls!': 'read' } }, 'permissions'],
    ['permissions as a list', { name: 'x', permissions: ['calls:read'] }, 'permissions'],
    ['unrestricted as a string', { name: 'x', unrestricted: 'yes' }, 'unrestricted'],
    ['roles that are null (naming access is never "not named")', { name: 'x', roles: null }, 'roles'],
    ['permissions that are null', { name: 'x', permissions: null }, 'permissions'],
    ['unrestricted that is null', { name: 'x', unrestricted: null }, 'unrestricted'],
    ['a rate limit of 0', { name: 'x', ratelimit: { limit: 0, windowSeconds: 10 } }, 'ratelimit.limit'],
    ['an allowlist entry that is no address', { name: 'x', ipAllowlist: ['localhost'] }, 'ipAllowlist'],
  ])('refuses %s, naming the field', async (_, body, field) => {
    expect(failingFields(await validateDto(CreateKeyRequestDto, body))).toContain(field);
  });

  it('never echoes a submitted value in its messages', async () => {
    const secret = 'kw_live_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const result = await validateDto(CreateKeyRequestDto, { name: secret.repeat(3), expiresAt: secret, [secret]: secret });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain(secret);
  });
});

describe('CreateKeyRequestDto messages', () => {
  it.each([
    [{}, 'name must be a string'],
    [{ name: 42 }, 'name must be a string'],
    [{ name: '' }, 'name must be longer than or equal to 1 characters'],
    [{ name: 'x', expiresAt: 'tomorrow' }, 'expiresAt must be a valid ISO 8601 date string'],
    [{ name: 'x', roles: 'admin' }, 'roles must be an array'],
  ])('report the most basic failure of %j, once', async (body, message) => {
    expect(await validateDto(CreateKeyRequestDto, body)).toEqual({ ok: false, details: [{ field: expect.any(String), message }] });
  });
});
