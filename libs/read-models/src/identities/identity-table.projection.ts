import { isIdentityEvent, type IdentityEvent } from '@keyward/contracts';
import type { RecordedEvent } from '@keyward/event-store';
import type { RowChange } from '../row-change';
import { IdentityRow } from './identity-row.entity';

/** What an identity event does to the identity table, as the domain's evolve does to its state. Values come from the event, never the clock. */
const identityChange = (event: RecordedEvent<IdentityEvent>): RowChange<IdentityRow> => {
  switch (event.type) {
    case 'IdentityCreated': {
      const d = event.data;
      const createdAt = new Date(d.createdAt);
      return {
        kind: 'insert',
        row: {
          id: d.identityId,
          workspaceId: d.workspaceId,
          externalId: d.externalId,
          meta: d.meta,
          ratelimits: [...d.ratelimits],
          credits: d.credits ?? null,
          creditsGeneration: d.credits === undefined ? 0 : 1,
          creditsSetAt: d.credits === undefined ? null : createdAt,
          createdAt,
          updatedAt: createdAt,
        },
      };
    }
    case 'IdentityChanged': {
      const d = event.data;
      const changedAt = new Date(d.changedAt);
      const set: Partial<IdentityRow> = {
        ...(d.externalId === undefined ? {} : { externalId: d.externalId }),
        ...(d.meta === undefined ? {} : { meta: d.meta }),
        ...(d.ratelimits === undefined ? {} : { ratelimits: [...d.ratelimits] }),
        ...(d.credits === undefined ? {} : { credits: d.credits.credits, creditsGeneration: d.credits.generation, creditsSetAt: changedAt }),
        updatedAt: changedAt,
      };
      return { kind: 'update', where: { id: d.identityId, workspaceId: d.workspaceId }, set };
    }
    case 'IdentityDeleted':
      return { kind: 'delete', where: { id: event.data.identityId, workspaceId: event.data.workspaceId } };
  }
};

/** What an event does to the identity table: nothing unless it is an identity event. */
export const identityTableChanges = (event: RecordedEvent): RowChange<IdentityRow>[] => (isIdentityEvent(event) ? [identityChange(event)] : []);
