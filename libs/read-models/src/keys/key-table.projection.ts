import type { EntityManager } from 'typeorm';
import type { KeyEvent } from '@keyward/contracts';
import { maskKey } from '@keyward/domain';
import type { RecordedEvent } from '@keyward/event-store';
import { KeyRow } from './key-row.entity';

const isKeyEvent = (event: RecordedEvent): event is RecordedEvent<KeyEvent> =>
  event.type === 'KeyCreated' || event.type === 'KeyRotated' || event.type === 'KeyRevoked';

/**
 * Applies one event to the key table. Every value comes from the event, none from the clock,
 * so replaying the same history always writes the same rows.
 */
export const projectKeyEvent = async (manager: EntityManager, event: RecordedEvent): Promise<void> => {
  if (!isKeyEvent(event)) return;
  const keys = manager.getRepository(KeyRow);
  switch (event.type) {
    case 'KeyCreated': {
      const d = event.data;
      await keys.insert({
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
        roles: [...d.roles],
        permissions: { ...d.permissions },
        rotatedAt: null,
        revokedAt: null,
        usageCount: '0',
        lastUsedAt: null,
      });
      return;
    }
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
  }
};
