import { failingFields, validateDto } from '../testing/validate-dto';
import { CreateIdentityRequestDto, ListIdentitiesRequestDto, UpdateIdentityRequestDto } from './identity.request.dto';

describe('identity request DTOs', () => {
  it.each([
    [{ externalId: 'user_123' }],
    [{ externalId: ' spaced id ', meta: { plan: 'pro' }, ratelimits: [{ name: 'tokens', limit: 5, windowSeconds: 60, autoApply: false }], credits: { remaining: 0, refill: { interval: 'monthly', amount: 10 } } }],
    [{ externalId: 'ü'.repeat(255), credits: null }],
  ])('accepts the create %j', async (body) => {
    expect(await validateDto(CreateIdentityRequestDto, body)).toMatchObject({ ok: true });
  });

  it.each([
    [{}, 'externalId'],
    [{ externalId: 'x'.repeat(256) }, 'externalId'],
    [{ externalId: 'tab\there' }, 'externalId'],
    [{ externalId: 'x', meta: 'text' }, 'meta'],
    [{ externalId: 'x', ratelimits: null }, 'ratelimits'],
    [{ externalId: 'x', credits: { remaining: 1, refill: { interval: 'weekly', amount: 1 } } }, 'credits.refill.interval'],
  ])('refuses the create %j at %s', async (body, field) => {
    expect(failingFields(await validateDto(CreateIdentityRequestDto, body))).toEqual([field]);
  });

  it('takes every field of an update as optional, null clearing metadata and credits only', async () => {
    expect(await validateDto(UpdateIdentityRequestDto, {})).toMatchObject({ ok: true });
    expect(await validateDto(UpdateIdentityRequestDto, { meta: null, credits: null })).toMatchObject({ ok: true });
    expect(failingFields(await validateDto(UpdateIdentityRequestDto, { externalId: null }))).toEqual(['externalId']);
  });

  it('filters a list by a well-formed external id only', async () => {
    expect(await validateDto(ListIdentitiesRequestDto, { externalId: 'user_1', limit: '5' })).toMatchObject({ ok: true, value: { limit: 5 } });
    expect(failingFields(await validateDto(ListIdentitiesRequestDto, { externalId: '' }))).toEqual(['externalId']);
  });
});
