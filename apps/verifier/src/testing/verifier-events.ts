import type { KeyCreatedData, KeywardEvent } from '@keyward/contracts';
import { generateKeySecret, keySecretDigest, storedSecretOf } from '@keyward/domain';
import type { RecordedEvent } from '@keyward/event-store';
import { digestHead, type IndexedKey, type KeyIndex } from '../key-index/key-index';

export const TEST_PEPPER = Buffer.from('p'.repeat(32));
export const TEST_NOW = Date.parse('2026-11-23T10:00:00.000Z');

let position = 0n;

/** An event as the store hands it to followers, each at the next position. */
export const recorded = (event: KeywardEvent | { type: string; data: unknown }): RecordedEvent =>
  ({
    ...event,
    eventId: String(position),
    metadata: { workspaceId: 'default', actor: 'system', correlationId: 'c', causationId: 'c', occurredAt: '', schemaVersion: 1 },
    streamId: 'test',
    streamVersion: 0n,
    position: { commit: 1n, prepare: ++position },
    recordedAt: new Date(TEST_NOW),
  }) as RecordedEvent;

let keys = 0;

/** A KeyCreated for a new secret: unrestricted in workspace `default` unless `over` says otherwise. */
export const keyCreated = (over: Partial<KeyCreatedData> = {}): { secret: string; keyId: string; event: RecordedEvent } => {
  const secret = generateKeySecret('live');
  const keyId = `key_${String(++keys).padStart(24, '0')}`;
  const data: KeyCreatedData = {
    keyId,
    workspaceId: 'default',
    name: 'k',
    environment: 'live',
    ...storedSecretOf(TEST_PEPPER, secret),
    createdAt: '2026-01-01T00:00:00.000Z',
    expiresAt: null,
    roles: [],
    permissions: {},
    unrestricted: true,
    ...over,
  };
  return { secret, keyId: data.keyId, event: recorded({ type: 'KeyCreated', data }) };
};

/** The indexed key a secret finds, as a verify would. */
export const indexedKey = (index: KeyIndex, secret: string): IndexedKey | undefined =>
  index.lookup(digestHead(keySecretDigest(TEST_PEPPER, secret)))?.key;
