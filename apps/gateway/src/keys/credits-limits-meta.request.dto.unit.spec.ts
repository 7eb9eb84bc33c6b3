import { MAX_NAMED_RATE_LIMITS } from '@keyward/contracts';
import { MAX_CREDITS, MAX_META_BYTES, MAX_META_DEPTH } from '@keyward/domain';
import { failingFields, validateDto } from '../testing/validate-dto';
import { UpdateKeyRequestDto } from './update-key/update-key.request.dto';
import { CreateKeyRequestDto } from './create-key/create-key.request.dto';

const nested = (levels: number): object => (levels === 0 ? { leaf: true } : { child: nested(levels - 1) });
const limits = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `limit_${i}`, limit: 10, windowSeconds: 60 }));

describe('credits, named limits, metadata and identity on create and PATCH', () => {
  it.each([
    ['credits without a refill', { credits: { remaining: 0 } }],
    ['credits with a daily refill at the maximum', { credits: { remaining: MAX_CREDITS, refill: { interval: 'daily', amount: MAX_CREDITS } } }],
    ['credits with a monthly refill', { credits: { remaining: 5, refill: { interval: 'monthly', amount: 1 } } }],
    ['no credits', { credits: null }],
    ['named limits, autoApply named or not', { ratelimits: [{ name: 'tokens', limit: 1, windowSeconds: 1, autoApply: false }, { name: 'ops-2', limit: 1_000_000, windowSeconds: 86_400 }] }],
    ['the most named limits', { ratelimits: limits(MAX_NAMED_RATE_LIMITS) }],
    ['no named limits', { ratelimits: [] }],
    ['metadata of every JSON kind', { meta: { s: 'x', n: 1.5, b: false, z: null, list: [1, 'a', { c: [] }], o: {} } }],
    ['metadata nested deep', { meta: nested(MAX_META_DEPTH - 3) }],
  ])('accepts %s', async (_, fields) => {
    expect(await validateDto(CreateKeyRequestDto, { name: 'x', ...fields })).toMatchObject({ ok: true });
    expect(await validateDto(UpdateKeyRequestDto, fields)).toMatchObject({ ok: true });
  });

  it('keeps metadata as sent', async () => {
    const meta = { plan: 'pro', list: [1, { a: null }] };
    const result = await validateDto(UpdateKeyRequestDto, { meta });
    expect(JSON.parse(JSON.stringify(result.ok && result.value))).toEqual({ meta });
  });

  it.each([
    ['credits that are a number', { credits: 100 }, 'credits'],
    ['negative credits', { credits: { remaining: -1 } }, 'credits.remaining'],
    ['fractional credits', { credits: { remaining: 1.5 } }, 'credits.remaining'],
    ['credits above the maximum', { credits: { remaining: MAX_CREDITS + 1 } }, 'credits.remaining'],
    ['credits without remaining', { credits: { refill: { interval: 'daily', amount: 1 } } }, 'credits.remaining'],
    ['a weekly refill', { credits: { remaining: 1, refill: { interval: 'weekly', amount: 1 } } }, 'credits.refill.interval'],
    ['a refill of 0', { credits: { remaining: 1, refill: { interval: 'daily', amount: 0 } } }, 'credits.refill.amount'],
    ['a refill of null', { credits: { remaining: 1, refill: null } }, 'credits.refill'],
    ['an unknown credits field', { credits: { remaining: 1, rollover: true } }, 'credits.rollover'],
    ['named limits that are an object', { ratelimits: { tokens: 1 } }, 'ratelimits'],
    ['named limits that are null', { ratelimits: null }, 'ratelimits'],
    ['too many named limits', { ratelimits: limits(MAX_NAMED_RATE_LIMITS + 1) }, 'ratelimits'],
    ['a named limit without a name', { ratelimits: [{ limit: 1, windowSeconds: 1 }] }, 'ratelimits.0.name'],
    ['a named limit with a dot in its name', { ratelimits: [{ name: 'a.b', limit: 1, windowSeconds: 1 }] }, 'ratelimits.0.name'],
    ['a named limit of 0', { ratelimits: [{ name: 'a', limit: 0, windowSeconds: 1 }] }, 'ratelimits.0.limit'],
    ['a named limit over a day', { ratelimits: [{ name: 'a', limit: 1, windowSeconds: 86_401 }] }, 'ratelimits.0.windowSeconds'],
    ['autoApply as a string', { ratelimits: [{ name: 'a', limit: 1, windowSeconds: 1, autoApply: 'yes' }] }, 'ratelimits.0.autoApply'],
    ['a name used twice', { ratelimits: [{ name: 'a', limit: 1, windowSeconds: 1 }, { name: 'a', limit: 2, windowSeconds: 1 }] }, 'ratelimits'],
    ['metadata that is a list', { meta: [1, 2] }, 'meta'],
    ['metadata that is a string', { meta: '{"a":1}' }, 'meta'],
    ['metadata over 8 KB', { meta: { blob: 'x'.repeat(MAX_META_BYTES) } }, 'meta'],
  ])('refuses %s, naming the field', async (_, fields, field) => {
    expect(failingFields(await validateDto(CreateKeyRequestDto, { name: 'x', ...fields }))).toEqual([field]);
    expect(failingFields(await validateDto(UpdateKeyRequestDto, fields))).toEqual([field]);
  });

  it('takes an identity on create only, as a string', async () => {
    expect(await validateDto(CreateKeyRequestDto, { name: 'x', identityId: 'idn_1' })).toMatchObject({ ok: true });
    expect(failingFields(await validateDto(CreateKeyRequestDto, { name: 'x', identityId: 42 }))).toEqual(['identityId']);
    expect(failingFields(await validateDto(CreateKeyRequestDto, { name: 'x', identityId: null }))).toEqual(['identityId']);
    expect(failingFields(await validateDto(UpdateKeyRequestDto, { identityId: 'idn_1' }))).toEqual(['identityId']);
  });

  it('clears metadata with null on PATCH only', async () => {
    expect(await validateDto(UpdateKeyRequestDto, { meta: null })).toMatchObject({ ok: true });
    expect(failingFields(await validateDto(CreateKeyRequestDto, { name: 'x', meta: null }))).toEqual(['meta']);
  });
});
