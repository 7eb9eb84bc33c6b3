import { ErrorCodes, MAX_NAMED_RATE_LIMITS, type IdentityCreated, type IdentityEvent } from '@keyward/contracts';
import { deciderSpecification, NOW, OTHER_WORKSPACE_ID, permissions, WORKSPACE_ID } from '../testing';
import { MAX_META_BYTES } from '../meta/json-meta';
import { evolveIdentity } from './evolve-identity';
import type { CreateIdentity, UpdateIdentity } from './identity.commands';
import { identityDecider } from './identity.decider';
import { initialIdentityState } from './identity.state';
import { isIdentityId, newIdentityId } from './identity-id';
import { externalIdStreamId, MAX_EXTERNAL_ID_LENGTH } from './identity-values';

const ID = 'idn_aaaaaaaaaaaaaaaaaaaaaaaa';
const LATER = new Date(NOW.getTime() + 60_000);
const { given } = deciderSpecification(identityDecider, NOW);
const ids = { identityId: ID, workspaceId: WORKSPACE_ID };
const invalid = (field: string) => ({ code: ErrorCodes.validationFailed, field });
const notFound = { code: ErrorCodes.identityNotFound, message: 'no such identity' };
const tokens = { name: 'tokens', limit: 10, windowSeconds: 60, autoApply: true };

const FULL_ACCESS = permissions('*:write');
/** A key manager that does not hold everything: what it may do to keys, bounded by what it holds. */
const KEY_MANAGER = permissions('api_keys:write', 'calls:write');
const forbidden = { code: ErrorCodes.forbidden, message: "setting an identity's credits or rate limits takes a full-access key" };

const create = (over: Partial<Omit<CreateIdentity, 'type'>> = {}): CreateIdentity => ({ type: 'CreateIdentity', ...ids, externalId: 'user_123', authority: FULL_ACCESS, ...over });
const update = (over: Partial<Omit<UpdateIdentity, 'type' | 'identityId' | 'workspaceId'>>): UpdateIdentity => ({ type: 'UpdateIdentity', ...ids, authority: FULL_ACCESS, ...over });

const created: IdentityCreated = { type: 'IdentityCreated', data: { ...ids, externalId: 'user_123', meta: {}, ratelimits: [], createdAt: NOW.toISOString() } };
const withCredits: IdentityCreated = { type: 'IdentityCreated', data: { ...created.data, credits: { remaining: 100 } } };
const deleted: IdentityEvent = { type: 'IdentityDeleted', data: { ...ids, deletedAt: LATER.toISOString() } };
const fold = (events: readonly IdentityEvent[]) => events.reduce(evolveIdentity, initialIdentityState);

describe('identity ids and values', () => {
  it('are idn_ and 24 base62 characters', () => {
    expect(isIdentityId(newIdentityId())).toBe(true);
    expect(isIdentityId('whk_aaaaaaaaaaaaaaaaaaaaaaaa')).toBe(false);
    expect(isIdentityId(7)).toBe(false);
  });

  it('names one claim stream per workspace and external id', () => {
    expect(externalIdStreamId('ws_a', 'x')).toMatch(/^identity-external-[0-9a-f]{64}$/);
    expect(externalIdStreamId('ws_a', 'x')).not.toBe(externalIdStreamId('ws_b', 'x'));
    // The separator keeps ("ab", "c") and ("a", "bc") apart.
    expect(externalIdStreamId('ab', 'c')).not.toBe(externalIdStreamId('a', 'bc'));
  });
});

describe('identity decider', () => {
  describe('create', () => {
    it('records the identity, metadata and limits, credits only when given (generation 1)', () => {
      given([]).when(create()).then([created]);
      given([]).when(create({ credits: null })).then([created]);
      given([]).when(create({ credits: { remaining: 100 } })).then([withCredits]);
      expect(fold([withCredits])).toMatchObject({ credits: { remaining: 100 }, creditsGeneration: 1, creditsSetAt: NOW.toISOString() });
      expect(fold([created])).toMatchObject({ credits: null, creditsGeneration: 0, creditsSetAt: null });
      given([])
        .when(create({ meta: { plan: 'pro' }, ratelimits: [tokens] }))
        .then([{ ...created, data: { ...created.data, meta: { plan: 'pro' }, ratelimits: [tokens] } }]);
    });

    it.each([
      ['', 'externalId'],
      ['x'.repeat(MAX_EXTERNAL_ID_LENGTH + 1), 'externalId'],
      ['a\nb', 'externalId'],
      ['   ', 'externalId'],
      ['\u0000', 'externalId'],
    ])('refuses the external id %j', (externalId, field) => {
      given([]).when(create({ externalId })).then(invalid(field));
    });

    it('takes an external id exactly, up to 255 characters of any printable script', () => {
      const externalId = ' ü'.repeat(127);
      given([]).when(create({ externalId })).then([{ ...created, data: { ...created.data, externalId } }]);
    });

    it('refuses bad metadata, limits and credits at their field', () => {
      given([]).when(create({ meta: { big: 'x'.repeat(MAX_META_BYTES) } })).then(invalid('meta'));
      given([]).when(create({ ratelimits: Array.from({ length: MAX_NAMED_RATE_LIMITS + 1 }, (_, i) => ({ ...tokens, name: `n${i}` })) })).then(invalid('ratelimits'));
      given([]).when(create({ credits: { remaining: -1 } })).then(invalid('credits.remaining'));
    });

    it('refuses an id that exists already', () => {
      given([created]).when(create()).then({ code: ErrorCodes.conflict });
    });
  });

  describe('update', () => {
    it('writes only what differs', () => {
      given([created])
        .when(update({ externalId: 'user_123', meta: { a: 1 }, ratelimits: [] }), LATER)
        .then([{ type: 'IdentityChanged', data: { ...ids, meta: { a: 1 }, changedAt: LATER.toISOString() } }]);
      given([created]).when(update({ externalId: 'user_123', meta: null, ratelimits: [] })).then([]);
    });

    it('sets credits anew at each naming, equal or cleared, one generation more each time', () => {
      const set: IdentityEvent = { type: 'IdentityChanged', data: { ...ids, credits: { credits: { remaining: 100 }, generation: 2 }, changedAt: LATER.toISOString() } };
      given([withCredits]).when(update({ credits: { remaining: 100 } }), LATER).then([set]);
      const cleared: IdentityEvent = { type: 'IdentityChanged', data: { ...ids, credits: { credits: null, generation: 3 }, changedAt: LATER.toISOString() } };
      given([withCredits, set]).when(update({ credits: null }), LATER).then([cleared]);
      expect(fold([withCredits, set, cleared])).toMatchObject({ credits: null, creditsGeneration: 3, creditsSetAt: LATER.toISOString(), updatedAt: LATER.toISOString() });
    });

    it('renames, which the evolve folds in', () => {
      const renamed: IdentityEvent = { type: 'IdentityChanged', data: { ...ids, externalId: 'org_9', changedAt: LATER.toISOString() } };
      given([created]).when(update({ externalId: 'org_9' }), LATER).then([renamed]);
      expect(fold([created, renamed])).toMatchObject({ externalId: 'org_9', meta: {}, ratelimits: [] });
    });

    it('refuses bad values before looking for the identity', () => {
      given([]).when(update({ externalId: '' })).then(invalid('externalId'));
    });

    it('answers another workspace, an unknown and a deleted identity alike', () => {
      given([created]).when({ ...update({ meta: null }), workspaceId: OTHER_WORKSPACE_ID }).then(notFound);
      given([]).when(update({ meta: null })).then(notFound);
      given([created, deleted]).when(update({ meta: null })).then(notFound);
    });
  });

  describe("who may set an identity's credits and named limits", () => {
    // They bind every key of the identity, keys holding more than the caller included: lifting them gives those keys access again.
    it('a full-access caller only, on create and on update, raising or lowering', () => {
      given([]).when(create({ credits: { remaining: 100 }, authority: KEY_MANAGER })).then(forbidden);
      given([]).when(create({ ratelimits: [tokens], authority: KEY_MANAGER })).then(forbidden);
      given([withCredits]).when(update({ credits: { remaining: 1_000_000 }, authority: KEY_MANAGER })).then(forbidden);
      given([withCredits]).when(update({ credits: { remaining: 1 }, authority: KEY_MANAGER })).then(forbidden);
      given([withCredits]).when(update({ credits: null, authority: KEY_MANAGER })).then(forbidden);
      given([created]).when(update({ ratelimits: [tokens], authority: KEY_MANAGER })).then(forbidden);
      given([{ ...created, data: { ...created.data, ratelimits: [tokens] } }]).when(update({ ratelimits: [], authority: KEY_MANAGER })).then(forbidden);
      given([]).when(create({ credits: { remaining: 100 }, ratelimits: [tokens], authority: permissions('*:write') })).then([
        { ...withCredits, data: { ...withCredits.data, ratelimits: [tokens] } },
      ]);
    });

    it('anyone the route lets in for the rest, and for what changes nothing', () => {
      given([]).when(create({ credits: null, ratelimits: [], meta: { plan: 'pro' }, authority: KEY_MANAGER })).then([{ ...created, data: { ...created.data, meta: { plan: 'pro' } } }]);
      const renamed: IdentityEvent = { type: 'IdentityChanged', data: { ...ids, externalId: 'org_9', changedAt: LATER.toISOString() } };
      given([created]).when(update({ externalId: 'org_9', ratelimits: [], authority: KEY_MANAGER }), LATER).then([renamed]);
      given([created]).when(update({ ratelimits: [], authority: permissions('*:read') })).then([]);
    });

    it('answers an unknown identity as unknown, whoever asks', () => {
      given([]).when(update({ credits: { remaining: 1 }, authority: KEY_MANAGER })).then(notFound);
    });
  });

  describe('delete', () => {
    it('deletes once, in its own workspace only', () => {
      given([created]).when({ type: 'DeleteIdentity', ...ids }, LATER).then([deleted]);
      given([created, deleted]).when({ type: 'DeleteIdentity', ...ids }).then(notFound);
      given([created]).when({ type: 'DeleteIdentity', identityId: ID, workspaceId: OTHER_WORKSPACE_ID }).then(notFound);
      expect(fold([created, deleted]).status).toBe('deleted');
    });
  });
});
