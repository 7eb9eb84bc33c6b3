import type { components } from '../../api/schema.generated';
import { createRequestOf, toggleEvent, updateRequestOf, webhookFormOf, WEBHOOK_EVENTS } from './webhook.request';

type Webhook = components['schemas']['WebhookView'];

const webhook: Webhook = {
  id: 'whk_1',
  workspaceId: 'default',
  url: 'https://hooks.example.com/keyward',
  events: ['key.leaked', 'key.revoked'],
  description: 'billing team',
  enabled: false,
  disabledReason: 'failing for 24 h: 500',
  createdAt: '2026-01-01T00:00:00.000Z',
  secretRotatedAt: null,
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe("a webhook's form", () => {
  it('offers every event type of the API once, with words', () => {
    expect(WEBHOOK_EVENTS.map((e) => e.type)).toEqual(['key.expiring', 'key.stale', 'key.leaked', 'key.revoked', 'key.rate_limited', 'credential.deleted']);
    expect(WEBHOOK_EVENTS.every((e) => e.label.length > 0)).toBe(true);
  });

  it("keeps the chosen types in the API's order", () => {
    expect(toggleEvent(['credential.deleted'], 'key.revoked')).toEqual(['key.revoked', 'credential.deleted']);
    expect(toggleEvent(['key.revoked', 'credential.deleted'], 'key.revoked')).toEqual(['credential.deleted']);
  });

  it('creates with the URL trimmed and no empty description', () => {
    expect(createRequestOf({ url: ' https://a.example/h ', events: ['credential.deleted', 'key.revoked'], description: ' ', enabled: true })).toEqual({
      url: 'https://a.example/h',
      events: ['key.revoked', 'credential.deleted'],
      description: undefined,
    });
  });

  it('sends nothing for an edit that changes nothing', () => {
    expect(updateRequestOf(webhook, webhookFormOf(webhook))).toEqual({});
  });

  it('sends only the fields changed: re-enabling a disabled endpoint is `enabled: true` alone', () => {
    expect(updateRequestOf(webhook, { ...webhookFormOf(webhook), enabled: true })).toEqual({ enabled: true });
    expect(updateRequestOf(webhook, { ...webhookFormOf(webhook), url: 'https://b.example/h', events: ['key.revoked'], description: '' })).toEqual({
      url: 'https://b.example/h',
      events: ['key.revoked'],
      description: '',
    });
  });
});
