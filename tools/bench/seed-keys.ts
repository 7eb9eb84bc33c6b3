import { keyStreamId, type KeyCreated } from '@keyward/contracts';
import { generateKeySecret, hashKeySecret, newKeyId } from '@keyward/domain';
import { PostgresEventStore } from '@keyward/event-store/postgres';

const KEPT_SECRETS = 1_000;
const WRITERS = 16;

/**
 * Seeds `count` unrestricted keys straight into the event store. Returns the secrets of the first
 * thousand, to verify with, and of the last one written: once that one verifies, all are indexed
 * but the few written beside it.
 */
export const seedKeys = async (databaseUrl: string, pepper: Buffer, count: number): Promise<{ secrets: string[]; last: string }> => {
  // Seeding is not what is measured: relax durability for these bulk appends only.
  const store = PostgresEventStore.fromConnectionString(`${databaseUrl}?options=-c%20synchronous_commit%3Doff`);
  const kept: string[] = [];
  let last = '';
  let next = 0;
  const writer = async (): Promise<void> => {
    while (next < count) {
      const i = next++;
      const secret = generateKeySecret('live');
      if (kept.length < KEPT_SECRETS) kept.push(secret);
      if (i === count - 1) last = secret;
      const keyId = newKeyId();
      const event: KeyCreated = {
        type: 'KeyCreated',
        data: {
          keyId,
          workspaceId: 'default',
          name: `bench key ${i}`,
          environment: 'live',
          secretHash: hashKeySecret(pepper, secret),
          prefix: secret.slice(0, 12),
          lastFour: secret.slice(-4),
          createdAt: new Date().toISOString(),
          expiresAt: null,
          roles: [],
          permissions: {},
          unrestricted: true,
        },
      };
      const metadata = { workspaceId: 'default', actor: 'system', correlationId: `bench-${i}`, causationId: `bench-${i}`, occurredAt: event.data.createdAt, schemaVersion: 1 };
      await store.appendToStream(keyStreamId(keyId), [{ ...event, metadata }], { expectedVersion: 'no_stream' });
    }
  };
  try {
    await Promise.all(Array.from({ length: WRITERS }, writer));
  } finally {
    await store.close();
  }
  return { secrets: kept, last };
};
