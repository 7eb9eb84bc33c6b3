import type { EventMetadata, KeyCreatedData, KeyRevokedData, KeyRotatedData } from '@keyward/contracts';
import type { RecordedEvent } from '@keyward/event-store';
import { auditEventView } from './audit-event-view.mapping';

const SECRET_HASH = 'a'.repeat(64);

const metadata: EventMetadata = {
  workspaceId: 'default', actor: 'key_admin', correlationId: 'corr', causationId: 'cause', occurredAt: '2026-03-01T10:00:00.000Z',
  sourceIp: '203.0.113.7', userAgent: 'curl/8', schemaVersion: 1, idempotencyKey: 'idem-1', requestFingerprint: 'f'.repeat(64),
};

const recorded = (type: string, data: unknown, over: Partial<EventMetadata> = {}): RecordedEvent => ({
  type, data, metadata: { ...metadata, ...over }, eventId: '00000000-0000-4000-8000-000000000001', streamId: 'key-key_1', streamVersion: 0n,
  position: { commit: 1234n, prepare: 567n }, recordedAt: new Date('2026-03-01T10:00:00.001Z'),
});

const created: KeyCreatedData = {
  keyId: 'key_1', workspaceId: 'default', name: 'orders', environment: 'live', createdAt: '2026-03-01T10:00:00.000Z', expiresAt: null,
  roles: ['admin'], permissions: {}, unrestricted: true, secretHash: SECRET_HASH, prefix: 'kw_live_abcd', lastFour: 'wxyz',
};
const rotated: KeyRotatedData = {
  keyId: 'key_1', rotatedAt: '2026-03-02T10:00:00.000Z', previousKeyExpiresAt: '2026-03-03T10:00:00.000Z', secretHash: SECRET_HASH, prefix: 'kw_live_efgh', lastFour: 'stuv',
};

describe('auditEventView', () => {
  // Every event type whose data holds a secret's hash: KeyCreated and KeyRotated (StoredSecret).
  it.each([
    ['KeyCreated', created],
    ['KeyRotated', rotated],
  ])('leaves the secret hash of %s out, and keeps the rest of its data', (type, data) => {
    const view = auditEventView(recorded(type, data), null);
    expect(view.data).not.toHaveProperty('secretHash');
    expect(view.data).toEqual(Object.fromEntries(Object.entries(data).filter(([field]) => field !== 'secretHash')));
    expect(JSON.stringify(view)).not.toContain(SECRET_HASH);
  });

  it('shows position, stream, type, data, the auditor metadata and the chain link, never the idempotency bookkeeping', () => {
    const revoked: KeyRevokedData = { keyId: 'key_1', revokedAt: '2026-03-04T10:00:00.000Z' };
    expect(auditEventView(recorded('KeyRevoked', revoked), 'ab12')).toEqual({
      position: '1234.567', streamId: 'key-key_1', type: 'KeyRevoked', data: revoked,
      metadata: { actor: 'key_admin', correlationId: 'corr', causationId: 'cause', occurredAt: '2026-03-01T10:00:00.000Z', sourceIp: '203.0.113.7', userAgent: 'curl/8', schemaVersion: 1 },
      hash: 'ab12',
    });
  });

  it('leaves out the source IP and user agent an event was written without', () => {
    const view = auditEventView(recorded('KeyRevoked', {}, { sourceIp: undefined, userAgent: undefined }), null);
    expect(Object.keys(view.metadata)).toEqual(['actor', 'correlationId', 'causationId', 'occurredAt', 'schemaVersion']);
  });

  it("shows an event a newer writer appended as stored, still without a secret hash", () => {
    const view = auditEventView(recorded('KeyTeleported', { keyId: 'key_1', to: 'mars', secretHash: SECRET_HASH }), null);
    expect(view).toMatchObject({ type: 'KeyTeleported', data: { keyId: 'key_1', to: 'mars' } });
    expect(JSON.stringify(view)).not.toContain(SECRET_HASH);
  });
});
