import { keyStreamId, type KeyCreated, type KeyCreatedData } from '@keyward/contracts';
import { generateKeySecret, hashKeySecret, newKeyId } from '@keyward/domain';
import { PostgresEventStore } from '@keyward/event-store/postgres';

const KEPT_SECRETS = 1_000;
const WRITERS = 16;

/** What a bench key may carry besides what every bench key has. */
export type BenchKeyExtras = Pick<KeyCreatedData, 'ratelimit' | 'ratelimits' | 'credits' | 'meta'>;

/** Appends one unrestricted live key (with `extras`: limits, credits, metadata), as key-command would have decided it, and returns its secret. */
export const appendBenchKey = async (store: PostgresEventStore, pepper: Buffer, name: string, extras: BenchKeyExtras = {}): Promise<string> => {
  const secret = generateKeySecret('live');
  const keyId = newKeyId();
  const createdAt = new Date().toISOString();
  const event: KeyCreated = {
    type: 'KeyCreated',
    data: {
      keyId,
      workspaceId: 'default',
      name,
      environment: 'live',
      secretHash: hashKeySecret(pepper, secret),
      prefix: secret.slice(0, 12),
      lastFour: secret.slice(-4),
      createdAt,
      expiresAt: null,
      roles: [],
      permissions: {},
      unrestricted: true,
      ...extras,
    },
  };
  const metadata = { workspaceId: 'default', actor: 'system', correlationId: keyId, causationId: keyId, occurredAt: createdAt, schemaVersion: 1 };
  await store.appendToStream(keyStreamId(keyId), [{ ...event, metadata }], { expectedVersion: 'no_stream' });
  return secret;
};

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
      const secret = await appendBenchKey(store, pepper, `bench key ${i}`);
      if (kept.length < KEPT_SECRETS) kept.push(secret);
      if (i === count - 1) last = secret;
    }
  };
  try {
    await Promise.all(Array.from({ length: WRITERS }, writer));
  } finally {
    await store.close();
  }
  return { secrets: kept, last };
};
