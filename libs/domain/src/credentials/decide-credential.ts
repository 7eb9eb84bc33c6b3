import { ErrorCodes, type CredentialEvent, type CredentialSharing } from '@keyward/contracts';
import { requireEntitlement, type WorkspacePolicy } from '../access/access-policy';
import { DomainError } from '../domain.error';
import { validName } from '../names';
import { validAllowedHosts } from './allowed-hosts';
import { assertMayControlCredential } from './credential-control';
import type { CredentialCommand, DeleteCredential, RotateCredentialValue, SetCredentialSharing, StoreCredential, UpdateCredential } from './credential.commands';
import { isPersonal, principalsAdded, validSharing, type KnownPrincipals } from './credential-sharing';
import { validLocation, validParameterName } from './credential-values';
import type { CredentialState, ExistingCredential } from './credential.state';

/** Another workspace's credential answers exactly like an unknown or deleted one. */
const existingCredential = (state: CredentialState, command: { readonly credentialId: string; readonly workspaceId: string }): ExistingCredential => {
  if (state.status !== 'active' || state.credentialId !== command.credentialId || state.workspaceId !== command.workspaceId) {
    throw new DomainError(ErrorCodes.credentialNotFound, 'no such credential');
  }
  return state;
};

/** Sharing is an enterprise entitlement; making a credential personal again needs no plan, so a downgraded workspace can clean up. */
const sharingOf = (raw: CredentialSharing, workspace: WorkspacePolicy, known: KnownPrincipals): CredentialSharing => {
  if (!isPersonal(raw)) requireEntitlement(workspace, 'credentialSharing', 'credential sharing');
  return validSharing(raw, known);
};

const storeCredential = (command: StoreCredential, state: CredentialState, now: Date): CredentialEvent[] => {
  const service = validName(command.service, 'service');
  const name = validName(command.name, 'name');
  const location = validLocation(command.location);
  const parameterName = validParameterName(location, command.parameterName);
  const allowedHosts = validAllowedHosts(command.allowedHosts);
  const sharedWith = sharingOf(command.sharedWith ?? { keys: [], roles: [] }, command.workspace, command.known);
  if (state.status !== 'absent') throw new DomainError(ErrorCodes.conflict, 'a credential with this id exists already');
  return [
    {
      type: 'CredentialStored',
      data: {
        credentialId: command.credentialId,
        workspaceId: command.workspaceId,
        service,
        name,
        location,
        parameterName,
        allowedHosts,
        ownerKeyId: command.ownerKeyId,
        sharedWith,
        sealedValue: command.sealedValue,
        lastFour: command.lastFour,
        storedAt: now.toISOString(),
      },
    },
  ];
};

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

const updateCredential = (command: UpdateCredential, state: CredentialState, now: Date): CredentialEvent[] => {
  const credential = existingCredential(state, command);
  const name = command.name === undefined ? credential.name : validName(command.name, 'name');
  const location = command.location === undefined ? credential.location : validLocation(command.location);
  // The stored name carries over only while the location stays; a new location names its own.
  const parameterName = validParameterName(location, command.parameterName ?? (location === credential.location ? credential.parameterName : undefined));
  const allowedHosts = command.allowedHosts === undefined ? credential.allowedHosts : validAllowedHosts(command.allowedHosts);
  const redirected = location !== credential.location || parameterName !== credential.parameterName || !sameList(allowedHosts, credential.allowedHosts);
  if (redirected) assertMayControlCredential(credential, command.actor, 'location, parameter name or allowed hosts');
  if (!redirected && name === credential.name) return [];
  return [{ type: 'CredentialChanged', data: { credentialId: credential.credentialId, workspaceId: credential.workspaceId, name, location, parameterName, allowedHosts, changedAt: now.toISOString() } }];
};

/** Users of the credential carry on: the next use opens the new value. */
const rotateValue = (command: RotateCredentialValue, state: CredentialState, now: Date): CredentialEvent[] => {
  const credential = existingCredential(state, command);
  return [{ type: 'CredentialValueRotated', data: { credentialId: credential.credentialId, workspaceId: credential.workspaceId, sealedValue: command.sealedValue, lastFour: command.lastFour, rotatedAt: now.toISOString() } }];
};

/** The given set becomes the sharing: one event per principal added or removed, none for no change. */
const setSharing = (command: SetCredentialSharing, state: CredentialState): CredentialEvent[] => {
  const credential = existingCredential(state, command);
  const next = sharingOf(command.sharedWith, command.workspace, command.known);
  const ids = { credentialId: credential.credentialId, workspaceId: credential.workspaceId };
  const events = [
    ...principalsAdded(credential.sharedWith, next).map((principal): CredentialEvent => ({ type: 'CredentialShared', data: { ...ids, principal } })),
    ...principalsAdded(next, credential.sharedWith).map((principal): CredentialEvent => ({ type: 'CredentialUnshared', data: { ...ids, principal } })),
  ];
  if (events.length > 0) assertMayControlCredential(credential, command.actor, 'sharing');
  return events;
};

const deleteCredential = (command: DeleteCredential, state: CredentialState, now: Date): CredentialEvent[] => {
  const credential = existingCredential(state, command);
  return [{ type: 'CredentialDeleted', data: { credentialId: credential.credentialId, workspaceId: credential.workspaceId, deletedAt: now.toISOString() } }];
};

/** Decides a credential command against the credential's state (stream `credential-<id>`). */
export const decideCredential = (command: CredentialCommand, state: CredentialState, now: Date): CredentialEvent[] => {
  switch (command.type) {
    case 'StoreCredential':
      return storeCredential(command, state, now);
    case 'UpdateCredential':
      return updateCredential(command, state, now);
    case 'RotateCredentialValue':
      return rotateValue(command, state, now);
    case 'SetCredentialSharing':
      return setSharing(command, state);
    case 'DeleteCredential':
      return deleteCredential(command, state, now);
  }
};
