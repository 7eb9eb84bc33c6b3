import { isCredentialEvent, type CredentialEvent, type CredentialPrincipal } from '@keyward/contracts';
import type { RecordedEvent } from '@keyward/event-store';
import type { RowChange } from '../row-change';
import { CredentialRow } from './credential-row.entity';

/** Adds or removes one principal, keeping the others in order, so a replayed event changes nothing. */
const withPrincipal = ({ kind, id }: CredentialPrincipal, present: boolean) => (row: CredentialRow): Partial<CredentialRow> => {
  const column = kind === 'key' ? 'sharedKeys' : 'sharedRoles';
  const others = row[column].filter((p) => p !== id);
  return { [column]: present ? [...others, id] : others };
};

/** What a credential event does to the credential table. Values come from the event, never the clock. */
const credentialChange = (event: RecordedEvent<CredentialEvent>): RowChange<CredentialRow> => {
  switch (event.type) {
    case 'CredentialStored': {
      const d = event.data;
      const createdAt = new Date(d.storedAt);
      return {
        kind: 'insert',
        row: {
          id: d.credentialId,
          workspaceId: d.workspaceId,
          service: d.service,
          name: d.name,
          location: d.location,
          parameterName: d.parameterName,
          allowedHosts: [...d.allowedHosts],
          ownerKeyId: d.ownerKeyId,
          sharedKeys: [...d.sharedWith.keys],
          sharedRoles: [...d.sharedWith.roles],
          lastFour: d.lastFour,
          createdAt,
          rotatedAt: null,
          updatedAt: createdAt,
        },
      };
    }
    case 'CredentialChanged': {
      const d = event.data;
      return {
        kind: 'update',
        where: { id: d.credentialId, workspaceId: d.workspaceId },
        set: { name: d.name, location: d.location, parameterName: d.parameterName, allowedHosts: [...d.allowedHosts], updatedAt: new Date(d.changedAt) },
      };
    }
    case 'CredentialValueRotated': {
      const d = event.data;
      const rotatedAt = new Date(d.rotatedAt);
      return { kind: 'update', where: { id: d.credentialId, workspaceId: d.workspaceId }, set: { lastFour: d.lastFour, rotatedAt, updatedAt: rotatedAt } };
    }
    case 'CredentialShared':
    case 'CredentialUnshared': {
      const d = event.data;
      return { kind: 'update', where: { id: d.credentialId, workspaceId: d.workspaceId }, set: withPrincipal(d.principal, event.type === 'CredentialShared') };
    }
    case 'CredentialDeleted':
      // The projector shreds its data key in the same transaction (apps/projector, shred-deleted-credentials.ts).
      return { kind: 'delete', where: { id: event.data.credentialId, workspaceId: event.data.workspaceId } };
  }
};

/** What an event does to the credential table: nothing unless it is a credential event. */
export const credentialTableChanges = (event: RecordedEvent): RowChange<CredentialRow>[] => (isCredentialEvent(event) ? [credentialChange(event)] : []);
