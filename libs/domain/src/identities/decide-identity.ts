import { ErrorCodes, type IdentityChangedData, type IdentityEvent } from '@keyward/contracts';
import { assertFullAccess } from '../access/access-policy';
import { DomainError } from '../domain.error';
import { validCredits } from '../limits/credits';
import { sameNamedRateLimits, validNamedRateLimits } from '../limits/named-rate-limits';
import { NO_META, sameMeta, validMeta } from '../meta/json-meta';
import type { CreateIdentity, DeleteIdentity, IdentityCommand, UpdateIdentity } from './identity.commands';
import type { ExistingIdentity, IdentityState } from './identity.state';
import { validExternalId } from './identity-values';

/** Another workspace's identity answers exactly like an unknown or deleted one. */
export const identityNotFound = (): DomainError => new DomainError(ErrorCodes.identityNotFound, 'no such identity');

/** Live in that workspace: what a key of it needs (else the key answers DISABLED) and what a command may act on. */
export const isLiveIdentity = (state: IdentityState, target: { readonly identityId: string; readonly workspaceId: string }): state is ExistingIdentity =>
  state.status === 'active' && state.identityId === target.identityId && state.workspaceId === target.workspaceId;

export const existingIdentity = (state: IdentityState, command: { readonly identityId: string; readonly workspaceId: string }): ExistingIdentity => {
  if (!isLiveIdentity(state, command)) throw identityNotFound();
  return state;
};

/**
 * An identity's credits and named limits bind every key of it, keys holding more than the caller
 * included, and lifting them gives those keys access again: a key's own are set within the caller's
 * authority (decide-key), an identity's only by a full-access caller.
 */
const SHARED_LIMITS = "setting an identity's credits or rate limits";

const createIdentity = (command: CreateIdentity, state: IdentityState, now: Date): IdentityEvent[] => {
  const externalId = validExternalId(command.externalId);
  const meta = command.meta === undefined ? NO_META : validMeta(command.meta);
  const ratelimits = command.ratelimits === undefined ? [] : validNamedRateLimits(command.ratelimits);
  const credits = command.credits === undefined || command.credits === null ? undefined : validCredits(command.credits);
  if (credits !== undefined || ratelimits.length > 0) assertFullAccess(command.authority, SHARED_LIMITS);
  if (state.status !== 'absent') throw new DomainError(ErrorCodes.conflict, 'an identity with this id exists already');
  const { identityId, workspaceId } = command;
  return [{ type: 'IdentityCreated', data: { identityId, workspaceId, externalId, meta, ratelimits, ...(credits ? { credits } : {}), createdAt: now.toISOString() } }];
};

/** Only what differs is written; credits named are set anew even when equal (a new generation, as a key's). */
const updateIdentity = (command: UpdateIdentity, state: IdentityState, now: Date): IdentityEvent[] => {
  const externalId = command.externalId === undefined ? undefined : validExternalId(command.externalId);
  const meta = command.meta === undefined ? undefined : command.meta === null ? NO_META : validMeta(command.meta);
  const ratelimits = command.ratelimits === undefined ? undefined : validNamedRateLimits(command.ratelimits);
  const credits = command.credits === undefined ? undefined : command.credits === null ? null : validCredits(command.credits);
  const identity = existingIdentity(state, command);
  const changed: Partial<IdentityChangedData> = {
    ...(externalId !== undefined && externalId !== identity.externalId ? { externalId } : {}),
    ...(meta !== undefined && !sameMeta(meta, identity.meta) ? { meta } : {}),
    ...(ratelimits !== undefined && !sameNamedRateLimits(ratelimits, identity.ratelimits) ? { ratelimits } : {}),
    ...(credits !== undefined ? { credits: { credits, generation: identity.creditsGeneration + 1 } } : {}),
  };
  if (Object.keys(changed).length === 0) return [];
  // Lowering them is refused too: telling a lower limit from a higher one (credits, refills, windows) is no rule worth keeping.
  if (changed.credits !== undefined || changed.ratelimits !== undefined) assertFullAccess(command.authority, SHARED_LIMITS);
  return [{ type: 'IdentityChanged', data: { identityId: identity.identityId, workspaceId: identity.workspaceId, ...changed, changedAt: now.toISOString() } }];
};

const deleteIdentity = (command: DeleteIdentity, state: IdentityState, now: Date): IdentityEvent[] => {
  const identity = existingIdentity(state, command);
  return [{ type: 'IdentityDeleted', data: { identityId: identity.identityId, workspaceId: identity.workspaceId, deletedAt: now.toISOString() } }];
};

/** Decides an identity command against the identity's state (stream `identity-<id>`). */
export const decideIdentity = (command: IdentityCommand, state: IdentityState, now: Date): IdentityEvent[] => {
  switch (command.type) {
    case 'CreateIdentity':
      return createIdentity(command, state, now);
    case 'UpdateIdentity':
      return updateIdentity(command, state, now);
    case 'DeleteIdentity':
      return deleteIdentity(command, state, now);
  }
};
