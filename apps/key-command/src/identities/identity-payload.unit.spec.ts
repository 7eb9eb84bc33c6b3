import { ErrorCodes } from '@keyward/contracts';
import { ROOT_CONTEXT as context, refusal } from '../testing/command-payload.fixtures';
import { parseCreateIdentity, parseDeleteIdentity, parseUpdateIdentity } from './identity-payload';

const IDENTITY_ID = 'idn_aaaaaaaaaaaaaaaaaaaaaaaa';

describe('identity command payloads', () => {
  it('parses each command into the contract’s request, autoApply defaulted by the domain’s rule', () => {
    expect(parseCreateIdentity({ context, externalId: 'user_1', ratelimits: [{ name: 'tokens', limit: 1, windowSeconds: 1 }], credits: null })).toEqual({
      context,
      externalId: 'user_1',
      meta: undefined,
      ratelimits: [{ name: 'tokens', limit: 1, windowSeconds: 1, autoApply: true }],
      credits: null,
    });
    expect(parseUpdateIdentity({ context, identityId: IDENTITY_ID, meta: null, credits: { remaining: 3 } })).toEqual({
      context,
      identityId: IDENTITY_ID,
      externalId: undefined,
      meta: null,
      ratelimits: undefined,
      credits: { remaining: 3 },
    });
    expect(parseDeleteIdentity({ context, identityId: IDENTITY_ID })).toEqual({ context, identityId: IDENTITY_ID });
  });

  it('answers a malformed id as an unknown identity, and refuses bad values at their field', () => {
    expect(refusal(() => parseDeleteIdentity({ context, identityId: 'key_aaaaaaaaaaaaaaaaaaaaaaaa' }))).toMatchObject({ code: ErrorCodes.identityNotFound });
    expect(refusal(() => parseCreateIdentity({ context, externalId: 7 }))).toMatchObject({ code: ErrorCodes.validationFailed, field: 'externalId' });
    expect(refusal(() => parseCreateIdentity({ context, externalId: 'x', meta: null }))).toMatchObject({ code: ErrorCodes.validationFailed, field: 'meta' });
    expect(refusal(() => parseUpdateIdentity({ context, identityId: IDENTITY_ID, ratelimits: null }))).toMatchObject({ code: ErrorCodes.validationFailed, field: 'ratelimits' });
    expect(refusal(() => parseUpdateIdentity({ context, identityId: IDENTITY_ID, credits: { remaining: 'all' } }))).toMatchObject({ code: ErrorCodes.validationFailed, field: 'credits.remaining' });
  });
});
