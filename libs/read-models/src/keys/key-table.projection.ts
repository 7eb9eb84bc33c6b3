import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { isKeyEvent, type KeyCreated, type KeyEvent } from '@keyward/contracts';
import { maskKey } from '@keyward/domain';
import type { RecordedEvent } from '@keyward/event-store';
import { evolveRowAccess } from './key-row.access';
import { insertOnce } from '../insert-once';
import { KeyRow } from './key-row.entity';

/**
 * Changes one key's row from its current lists. The runner applies a batch in one transaction,
 * one event after another, so reading then writing the row sees every earlier event. An event
 * for a key with no row (deleted) changes nothing.
 */
const changeKey = async (manager: EntityManager, keyId: string, change: (row: KeyRow) => Partial<KeyRow>): Promise<void> => {
  const keys = manager.getRepository(KeyRow);
  const row = await keys.findOneBy({ id: keyId });
  if (row) await keys.update({ id: keyId }, change(row));
};

/** The row a creation makes. */
const createdRow = ({ data: d }: RecordedEvent<KeyCreated>): QueryDeepPartialEntity<KeyRow> => ({
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
});

/**
 * Creations, in one statement: under write load most of a batch is creations, and a statement per
 * row was most of the projector's work. A replayed creation leaves the row as later events made it
 * (see insertOnce).
 */
export const insertCreatedKeys = async (manager: EntityManager, events: readonly RecordedEvent<KeyCreated>[]): Promise<void> => {
  await insertOnce(manager, KeyRow, events.map(createdRow));
};

const projectKey = async (manager: EntityManager, event: RecordedEvent<KeyEvent>): Promise<void> => {
  const keys = manager.getRepository(KeyRow);
  switch (event.type) {
    case 'KeyCreated':
      await insertCreatedKeys(manager, [event]);
      return;
    case 'KeyRotated':
      await keys.update(
        { id: event.data.keyId },
        {
          prefix: event.data.prefix,
          maskedKey: maskKey(event.data.prefix, event.data.lastFour),
          rotatedAt: new Date(event.data.rotatedAt),
        },
      );
      return;
    case 'KeyRevoked':
      await keys.update({ id: event.data.keyId }, { lifecycle: 'revoked', revokedAt: new Date(event.data.revokedAt) });
      return;
    case 'KeyDeleted':
      // Gone from the table; the key's stream keeps its whole history.
      await keys.delete({ id: event.data.keyId });
      return;
    case 'KeyRenamed':
      await keys.update({ id: event.data.keyId }, { name: event.data.name });
      return;
    case 'KeyExpiryChanged':
      await keys.update({ id: event.data.keyId }, { expiresAt: event.data.expiresAt === null ? null : new Date(event.data.expiresAt) });
      return;
    case 'KeyRateLimitChanged': {
      const limit = event.data.ratelimit;
      await keys.update({ id: event.data.keyId }, { ratelimit: limit === null ? null : { limit: limit.limit, windowSeconds: limit.windowSeconds } });
      return;
    }
    case 'KeyIpAllowlistChanged':
      await keys.update({ id: event.data.keyId }, { ipAllowlist: [...event.data.ipAllowlist] });
      return;
    case 'RoleAssigned':
    case 'RoleUnassigned':
    case 'KeyPermissionsChanged':
    case 'ResourceShared':
    case 'ResourceUnshared':
      await changeKey(manager, event.data.keyId, (row) => evolveRowAccess(row, event));
      return;
  }
};

/**
 * Applies one event to the key table; any other event changes nothing. Every value comes from
 * the event, none from the clock, so replaying the same history always writes the same rows.
 */
export const projectKeyEvent = async (manager: EntityManager, event: RecordedEvent): Promise<void> => {
  if (isKeyEvent(event)) await projectKey(manager, event);
};
