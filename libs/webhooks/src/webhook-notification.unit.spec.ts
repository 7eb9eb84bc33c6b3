import type { EventMetadata } from '@keyward/contracts';
import type { RecordedEvent } from '@keyward/event-store';
import { webhookNotificationOf } from './webhook-notification';

const metadata: EventMetadata = { workspaceId: 'ws_a', actor: 'key_admin', correlationId: 'c', causationId: 'c', occurredAt: '2026-12-01T10:00:00.000Z', schemaVersion: 1 };
const recorded = (type: string, data: object): RecordedEvent =>
  ({ type, data, metadata, eventId: 'e-1', streamId: 's', streamVersion: 0n, position: { commit: 1n, prepare: 1n }, recordedAt: new Date('2026-12-01T10:00:00.010Z') }) as RecordedEvent;

describe('webhookNotificationOf', () => {
  it('tells of a revoked key, with who revoked it', () => {
    const n = webhookNotificationOf(recorded('KeyRevoked', { keyId: 'key_1', revokedAt: '2026-12-01T10:00:00.000Z' }));
    expect(n && { ...n, payload: JSON.parse(n.payload) }).toEqual({
      workspaceId: 'ws_a',
      type: 'key.revoked',
      payload: { type: 'key.revoked', timestamp: '2026-12-01T10:00:00.000Z', data: { keyId: 'key_1', workspaceId: 'ws_a', revokedAt: '2026-12-01T10:00:00.000Z', actor: 'key_admin', eventId: 'e-1' } },
    });
  });

  it('tells of a leak report with where it was found, never more than the event holds', () => {
    const n = webhookNotificationOf(recorded('KeyLeakReported', { keyId: 'key_1', workspaceId: 'ws_a', reportId: 'ab'.repeat(32), url: 'https://github.com/x', source: 'content', reportedAt: '2026-12-01T10:00:00.000Z' }));
    expect(n?.type).toBe('key.leaked');
    expect(JSON.parse(n?.payload ?? '{}').data).toEqual({ keyId: 'key_1', workspaceId: 'ws_a', reportId: 'ab'.repeat(32), url: 'https://github.com/x', source: 'content', reportedAt: '2026-12-01T10:00:00.000Z', eventId: 'e-1' });
  });

  it('tells of a deleted credential', () => {
    expect(webhookNotificationOf(recorded('CredentialDeleted', { credentialId: 'cred_1', workspaceId: 'ws_a', deletedAt: '2026-12-01T10:00:00.000Z' }))?.type).toBe('credential.deleted');
  });

  it('tells of nothing else', () => {
    expect(webhookNotificationOf(recorded('KeyCreated', { keyId: 'key_1' }))).toBeUndefined();
    expect(webhookNotificationOf(recorded('WebhookDisabled', { webhookId: 'whk_1' }))).toBeUndefined();
  });
});
