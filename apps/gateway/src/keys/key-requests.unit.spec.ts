import type { ArgumentMetadata } from '@nestjs/common';
import { ApiError } from '../errors/api-error';
import { createValidationPipe } from '../errors/validation.pipe';
import { CreateKeyRequestDto } from './create-key/create-key.request.dto';
import { ListKeysRequestDto } from './list-keys/list-keys.request.dto';
import { RevokeKeyRequestDto } from './revoke-key/revoke-key.request.dto';
import { RotateKeyRequestDto } from './rotate-key/rotate-key.request.dto';

const pipe = createValidationPipe();
const future = new Date(Date.now() + 86_400_000).toISOString();

const check = async (metatype: ArgumentMetadata['metatype'], value: unknown, type: ArgumentMetadata['type'] = 'body') => {
  try {
    return { ok: true as const, value: (await pipe.transform(value, { type, metatype })) as Record<string, unknown> };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { ok: false as const, body: error.body };
  }
};

describe('CreateKeyRequestDto', () => {
  it.each([
    [{ name: 'orders' }],
    [{ name: '  padded  ' }],
    [{ name: 'x'.repeat(100), expiresAt: future, environment: 'test' }],
    [{ name: 'restricted', roles: ['read-only'], permissions: { calls: 'read', contacts: 'write', billing: 'none' } }],
    [{ name: 'admin-like', unrestricted: true }],
  ])('accepts %j', async (body) => {
    expect((await check(CreateKeyRequestDto, body)).ok).toBe(true);
  });

  it('trims the name', async () => {
    expect(await check(CreateKeyRequestDto, { name: '  padded  ' })).toMatchObject({ ok: true, value: { name: 'padded' } });
  });

  it.each([
    ['missing name', {}, 'name'],
    ['blank name', { name: '   ' }, 'name'],
    ['too-long name', { name: 'x'.repeat(101) }, 'name'],
    ['name of the wrong type', { name: 42 }, 'name'],
    ['unknown field', { name: 'x', colour: 'red' }, 'colour'],
    ['past expiry', { name: 'x', expiresAt: '2000-01-01T00:00:00Z' }, 'expiresAt'],
    ['expiry that is no date', { name: 'x', expiresAt: 'tomorrow' }, 'expiresAt'],
    ['expiry of the wrong type', { name: 'x', expiresAt: 1_900_000_000 }, 'expiresAt'],
    ['unknown environment', { name: 'x', environment: 'prod' }, 'environment'],
    ['roles not a list', { name: 'x', roles: 'admin' }, 'roles'],
    ['empty role id', { name: 'x', roles: [''] }, 'roles'],
    ['unknown access level', { name: 'x', permissions: { calls: 'admin' } }, 'permissions'],
    ['bad resource name', { name: 'x', permissions: { 'Calls!': 'read' } }, 'permissions'],
    ['permissions as a list', { name: 'x', permissions: ['calls:read'] }, 'permissions'],
    ['unrestricted as a string', { name: 'x', unrestricted: 'yes' }, 'unrestricted'],
  ])('refuses %s with a 400 naming the field', async (_, body, field) => {
    const result = await check(CreateKeyRequestDto, body);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(result.body.details?.map((d) => d.field)).toContain(field);
  });

  it('never echoes a submitted value in its messages', async () => {
    const secret = 'kw_live_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const result = await check(CreateKeyRequestDto, { name: secret.repeat(3), expiresAt: secret });
    expect(JSON.stringify(result)).not.toContain(secret);
  });
});

describe('RotateKeyRequestDto', () => {
  it.each([[{}], [{ gracePeriodSeconds: 0 }], [{ gracePeriodSeconds: 604_800 }]])('accepts %j', async (body) => {
    expect((await check(RotateKeyRequestDto, body)).ok).toBe(true);
  });

  it.each([[{ gracePeriodSeconds: -1 }], [{ gracePeriodSeconds: 604_801 }], [{ gracePeriodSeconds: 1.5 }], [{ gracePeriodSeconds: '60' }], [{ grace: 60 }]])(
    'refuses %j',
    async (body) => {
      expect(await check(RotateKeyRequestDto, body)).toMatchObject({ ok: false, body: { statusCode: 400, code: 'VALIDATION_FAILED' } });
    },
  );
});

describe('RevokeKeyRequestDto', () => {
  it('takes no fields', async () => {
    expect((await check(RevokeKeyRequestDto, {})).ok).toBe(true);
    expect((await check(RevokeKeyRequestDto, { reason: 'x' })).ok).toBe(false);
  });
});

describe('ListKeysRequestDto', () => {
  it('converts the limit from the query string', async () => {
    expect(await check(ListKeysRequestDto, { limit: '5', status: 'revoked' }, 'query')).toMatchObject({ ok: true, value: { limit: 5, status: 'revoked' } });
  });

  it.each([[{ limit: '0' }], [{ limit: '101' }], [{ limit: 'ten' }], [{ status: 'deleted' }], [{ search: 'x'.repeat(101) }], [{ sort: 'name' }]])(
    'refuses %j',
    async (query) => {
      expect((await check(ListKeysRequestDto, query, 'query')).ok).toBe(false);
    },
  );
});
