import { ErrorCodes, type SealedValue, type WebhookCreated, type WebhookEvent } from '@keyward/contracts';
import { deciderSpecification, NOW, OTHER_WORKSPACE_ID, WORKSPACE_ID } from '../testing';
import { evolveWebhook } from './evolve-webhook';
import type { CreateWebhook, UpdateWebhook } from './webhook.commands';
import { webhookDecider } from './webhook.decider';
import { initialWebhookState } from './webhook.state';
import { isWebhookId, newWebhookId } from './webhook-id';

const ID = 'whk_aaaaaaaaaaaaaaaaaaaaaaaa';
const SEALED: SealedValue = { nonce: 'n1', ciphertext: 'c1', tag: 't1' };
const RESEALED: SealedValue = { nonce: 'n2', ciphertext: 'c2', tag: 't2' };
const LATER = new Date(NOW.getTime() + 60_000);
const { given } = deciderSpecification(webhookDecider, NOW);
const ids = { webhookId: ID, workspaceId: WORKSPACE_ID };
const invalid = (field: string) => ({ code: ErrorCodes.validationFailed, field });
const notFound = { code: ErrorCodes.webhookNotFound, message: 'no such webhook' };

const create = (over: Partial<Omit<CreateWebhook, 'type'>> = {}): CreateWebhook => ({
  type: 'CreateWebhook',
  ...ids,
  url: 'https://hooks.example.com/keyward',
  events: ['key.revoked', 'key.leaked'],
  sealedSecret: SEALED,
  workspaceWebhooks: 0,
  ...over,
});
const update = (over: Partial<Omit<UpdateWebhook, 'type' | 'webhookId' | 'workspaceId'>>): UpdateWebhook => ({ type: 'UpdateWebhook', ...ids, ...over });

const created: WebhookCreated = {
  type: 'WebhookCreated',
  data: { ...ids, url: 'https://hooks.example.com/keyward', events: ['key.leaked', 'key.revoked'], description: '', sealedSecret: SEALED, createdAt: NOW.toISOString() },
};
const disabled: WebhookEvent = { type: 'WebhookDisabled', data: { ...ids, reason: 'failing for 24 hours', disabledAt: LATER.toISOString() } };
const deleted: WebhookEvent = { type: 'WebhookDeleted', data: { ...ids, deletedAt: LATER.toISOString() } };

describe('webhook ids', () => {
  it('are whk_ and 24 base62 characters', () => {
    const id = newWebhookId();
    expect(isWebhookId(id)).toBe(true);
    expect(isWebhookId('cred_aaaaaaaaaaaaaaaaaaaaaaaa')).toBe(false);
    expect(isWebhookId(42)).toBe(false);
  });
});

describe('webhook decider', () => {
  describe('create', () => {
    it('refuses the endpoint past the per-workspace cap with 409, and takes the last one under it', () => {
      given([]).when(create({ workspaceWebhooks: 20 })).then({ code: ErrorCodes.conflict });
      given([]).when(create({ workspaceWebhooks: 19 })).then([created]);
    });

    it("drops the host's trailing dot, which the outbound guard would never match", () => {
      given([]).when(create({ url: 'https://hooks.example.com./keyward' })).then([created]);
      given([]).when(create({ url: 'https://./x' })).then(invalid('url'));
    });

    it('records the normalised URL, the events in catalogue order, and only the sealed secret', () => {
      given([])
        .when(create({ url: ' https://Hooks.Example.com/keyward#frag ', events: ['key.revoked', 'key.leaked', 'key.revoked'] }))
        .then([created]);
    });

    it('keeps a description', () => {
      given([])
        .when(create({ description: '  pager  ' }))
        .then([{ ...created, data: { ...created.data, description: 'pager' } }]);
    });

    it.each([
      ['ftp://hooks.example.com/', 'url'],
      ['not a url', 'url'],
      ['https://user:pass@hooks.example.com/', 'url'],
      [`https://hooks.example.com/${'a'.repeat(2048)}`, 'url'],
    ])('refuses the URL %s', (url, field) => {
      given([]).when(create({ url })).then(invalid(field));
    });

    it('accepts plain http (the operator decides whether the sender may use it)', () => {
      given([])
        .when(create({ url: 'http://localhost:8080/hook' }))
        .then([{ ...created, data: { ...created.data, url: 'http://localhost:8080/hook' } }]);
    });

    it.each([[[]], [['key.revoked', 'key.deleted']]])('refuses the events %j', (events) => {
      given([]).when(create({ events })).then(invalid('events'));
    });

    it('refuses an id that exists already', () => {
      given([created]).when(create()).then({ code: ErrorCodes.conflict });
    });
  });

  describe('change', () => {
    it('writes the whole new definition', () => {
      given([created])
        .when(update({ url: 'https://other.example.com/', events: ['credential.deleted'] }), LATER)
        .then([{ type: 'WebhookChanged', data: { ...ids, url: 'https://other.example.com/', events: ['credential.deleted'], description: '', enabled: true, changedAt: LATER.toISOString() } }]);
    });

    it('writes nothing when nothing changes', () => {
      given([created]).when(update({ events: ['key.revoked', 'key.leaked'], enabled: true })).then([]);
    });

    it('enables an endpoint the sender disabled, which clears the reason', () => {
      const enabled: WebhookEvent = { type: 'WebhookChanged', data: { ...ids, url: created.data.url, events: created.data.events, description: '', enabled: true, changedAt: LATER.toISOString() } };
      given([created, disabled]).when(update({ enabled: true }), LATER).then([enabled]);
      const state = [created, disabled, enabled].reduce(evolveWebhook, initialWebhookState);
      expect(state).toMatchObject({ enabled: true, disabledReason: null });
    });

    it('answers another workspace, an unknown and a deleted webhook alike', () => {
      given([created]).when({ ...update({ enabled: false }), workspaceId: OTHER_WORKSPACE_ID }).then(notFound);
      given([]).when(update({ enabled: false })).then(notFound);
      given([created, deleted]).when(update({ enabled: false })).then(notFound);
    });
  });

  describe('rotate secret', () => {
    it('records the new sealed secret', () => {
      given([created])
        .when({ type: 'RotateWebhookSecret', ...ids, sealedSecret: RESEALED }, LATER)
        .then([{ type: 'WebhookSecretRotated', data: { ...ids, sealedSecret: RESEALED, rotatedAt: LATER.toISOString() } }]);
    });
  });

  describe('disable (the sender)', () => {
    it('records why', () => {
      given([created]).when({ type: 'DisableWebhook', ...ids, reason: 'failing for 24 hours' }, LATER).then([disabled]);
      expect([created, disabled].reduce(evolveWebhook, initialWebhookState)).toMatchObject({ enabled: false, disabledReason: 'failing for 24 hours' });
    });

    it('does nothing to an endpoint disabled already', () => {
      given([created, disabled]).when({ type: 'DisableWebhook', ...ids, reason: 'again' }).then([]);
    });

    it('cannot disable a deleted endpoint', () => {
      given([created, deleted]).when({ type: 'DisableWebhook', ...ids, reason: 'late' }).then(notFound);
    });
  });

  describe('delete', () => {
    it('deletes once', () => {
      given([created]).when({ type: 'DeleteWebhook', ...ids }, LATER).then([deleted]);
      given([created, deleted]).when({ type: 'DeleteWebhook', ...ids }).then(notFound);
    });
  });
});
