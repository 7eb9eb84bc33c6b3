import type { EntityManager } from 'typeorm';
import { isCredentialEvent, type CredentialEvent, type CredentialPrincipal } from '@keyward/contracts';
import type { RecordedEvent } from '@keyward/event-store';
import { insertOnce } from '../insert-once';
import { CredentialRow } from './credential-row.entity';

/** Adds or removes one principal in place, so a replayed event changes nothing. */
const setPrincipal = async (manager: EntityManager, workspaceId: string, credentialId: string, { kind, id }: CredentialPrincipal, present: boolean): Promise<void> => {
  const column = kind === 'key' ? 'shared_keys' : 'shared_roles';
  const kept = `(SELECT coalesce(jsonb_agg(p), '[]'::jsonb) FROM jsonb_array_elements(${column}) p WHERE p <> to_jsonb($3::text))`;
  await manager.query(`UPDATE credentials SET ${column} = ${present ? `${kept} || jsonb_build_array($3::text)` : kept} WHERE id = $1 AND workspace_id = $2`, [credentialId, workspaceId, id]);
};

const projectCredential = async (manager: EntityManager, event: RecordedEvent<CredentialEvent>): Promise<void> => {
  const credentials = manager.getRepository(CredentialRow);
  switch (event.type) {
    case 'CredentialStored': {
      const d = event.data;
      const createdAt = new Date(d.storedAt);
      await insertOnce(manager, CredentialRow, {
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
      });
      return;
    }
    case 'CredentialChanged': {
      const d = event.data;
      await credentials.update(
        { id: d.credentialId, workspaceId: d.workspaceId },
        { name: d.name, location: d.location, parameterName: d.parameterName, allowedHosts: [...d.allowedHosts], updatedAt: new Date(d.changedAt) },
      );
      return;
    }
    case 'CredentialValueRotated': {
      const d = event.data;
      const rotatedAt = new Date(d.rotatedAt);
      await credentials.update({ id: d.credentialId, workspaceId: d.workspaceId }, { lastFour: d.lastFour, rotatedAt, updatedAt: rotatedAt });
      return;
    }
    case 'CredentialShared':
    case 'CredentialUnshared':
      await setPrincipal(manager, event.data.workspaceId, event.data.credentialId, event.data.principal, event.type === 'CredentialShared');
      return;
    case 'CredentialDeleted':
      // The projector shreds its data key in this same transaction (see the projector's read-models projection).
      await credentials.delete({ id: event.data.credentialId, workspaceId: event.data.workspaceId });
      return;
  }
};

/** Applies one event to the credential table; any other event changes nothing. */
export const projectCredentialEvent = async (manager: EntityManager, event: RecordedEvent): Promise<void> => {
  if (isCredentialEvent(event)) await projectCredential(manager, event);
};
