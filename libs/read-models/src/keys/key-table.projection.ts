import type { EntityManager } from 'typeorm';
import { isKeyEvent, type Credits, type KeyCreated, type KeyEvent, type NamedRateLimit } from '@keyward/contracts';
import { maskKey, NO_META } from '@keyward/domain';
import type { RecordedEvent } from '@keyward/event-store';
import { evolveRowAccess } from './key-row.access';
import { insertOnce } from '../insert-once';
import type { RowChange } from '../row-change';
import { KeyRow } from './key-row.entity';

/** A key's row, without the usage that listing joins to it. */
export type KeyRecord = Omit<KeyRow, 'usage'>;

/** Only the fields this version knows: a row never stores what a newer writer added to the event. */
const creditsColumn = ({ remaining, refill }: Credits): Credits => (refill === undefined ? { remaining } : { remaining, refill: { interval: refill.interval, amount: refill.amount } });
const ratelimitsColumn = (limits: readonly NamedRateLimit[]): NamedRateLimit[] =>
  limits.map(({ name, limit, windowSeconds, autoApply }) => ({ name, limit, windowSeconds, autoApply }));

/** The row a creation makes. */
const createdRow = ({ data: d }: RecordedEvent<KeyCreated>): KeyRecord => ({
  id: d.keyId,
  workspaceId: d.workspaceId,
  name: d.name,
  prefix: d.prefix,
  maskedKey: maskKey(d.prefix, d.lastFour),
  environment: d.environment,
  createdAt: new Date(d.createdAt),
  expiresAt: d.expiresAt === null ? null : new Date(d.expiresAt),
  lifecycle: 'active',
  restricted: !d.unrestricted,
  // A role named twice is held once, as a second RoleAssigned would leave it.
  roles: [...new Set(d.roles)],
  permissions: { ...d.permissions },
  shares: [],
  ratelimit: d.ratelimit === undefined ? null : { limit: d.ratelimit.limit, windowSeconds: d.ratelimit.windowSeconds },
  ipAllowlist: [...(d.ipAllowlist ?? [])],
  rotatedAt: null,
  revokedAt: null,
  enabled: true,
  credits: d.credits === undefined ? null : creditsColumn(d.credits),
  creditsGeneration: d.credits === undefined ? 0 : 1,
  creditsSetAt: d.credits === undefined ? null : new Date(d.createdAt),
  ratelimits: ratelimitsColumn(d.ratelimits ?? []),
  meta: d.meta ?? NO_META,
  identityId: d.identityId ?? null,
});

/**
 * Creations, in one statement: under write load most of a batch is creations, and a statement per
 * row was most of the projector's work. A replayed creation leaves the row as later events made it
 * (see insertOnce).
 */
export const insertCreatedKeys = async (manager: EntityManager, events: readonly RecordedEvent<KeyCreated>[]): Promise<void> => {
  await insertOnce(manager, KeyRow, events.map(createdRow));
};

const update = (keyId: string, set: Extract<RowChange<KeyRecord>, { kind: 'update' }>['set']): RowChange<KeyRecord> => ({ kind: 'update', where: { id: keyId }, set });

/**
 * What a key event does to the key table. Every value comes from the event, none from the clock,
 * so replaying the same history always writes the same rows. An event for a key with no row
 * (deleted) changes nothing.
 */
const keyChange = (event: RecordedEvent<KeyEvent>): RowChange<KeyRecord> | undefined => {
  switch (event.type) {
    case 'KeyCreated':
      return { kind: 'insert', row: createdRow(event) };
    case 'KeyRotated':
      return update(event.data.keyId, { prefix: event.data.prefix, maskedKey: maskKey(event.data.prefix, event.data.lastFour), rotatedAt: new Date(event.data.rotatedAt) });
    case 'KeyRevoked':
      return update(event.data.keyId, { lifecycle: 'revoked', revokedAt: new Date(event.data.revokedAt) });
    case 'KeyDeleted':
      // Gone from the table; the key's stream keeps its whole history.
      return { kind: 'delete', where: { id: event.data.keyId } };
    case 'KeyRenamed':
      return update(event.data.keyId, { name: event.data.name });
    case 'KeyExpiryChanged':
      return update(event.data.keyId, { expiresAt: event.data.expiresAt === null ? null : new Date(event.data.expiresAt) });
    case 'KeyRateLimitChanged': {
      const limit = event.data.ratelimit;
      return update(event.data.keyId, { ratelimit: limit === null ? null : { limit: limit.limit, windowSeconds: limit.windowSeconds } });
    }
    case 'KeyIpAllowlistChanged':
      return update(event.data.keyId, { ipAllowlist: [...event.data.ipAllowlist] });
    case 'KeyCreditsChanged': {
      const { keyId, credits, generation, changedAt } = event.data;
      return update(keyId, { credits: credits === null ? null : creditsColumn(credits), creditsGeneration: generation, creditsSetAt: new Date(changedAt) });
    }
    case 'KeyNamedRateLimitsChanged':
      return update(event.data.keyId, { ratelimits: ratelimitsColumn(event.data.ratelimits) });
    case 'KeyMetaChanged':
      return update(event.data.keyId, { meta: event.data.meta });
    case 'KeyDisabled':
      return update(event.data.keyId, { enabled: false });
    case 'KeyEnabled':
      return update(event.data.keyId, { enabled: true });
    case 'RoleAssigned':
    case 'RoleUnassigned':
    case 'KeyPermissionsChanged':
    case 'ResourceShared':
    case 'ResourceUnshared':
      return update(event.data.keyId, (row) => evolveRowAccess(row, event));
    case 'KeyLeakReported':
      // The revocation that may follow is its own event; the report itself is history only.
      return undefined;
  }
};

/** What an event does to the key table: nothing unless it is a key event. */
export const keyTableChanges = (event: RecordedEvent): RowChange<KeyRecord>[] => {
  const change = isKeyEvent(event) ? keyChange(event) : undefined;
  return change ? [change] : [];
};
