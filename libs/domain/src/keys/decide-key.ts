import { ErrorCodes, type KeyCreated, type KeyEvent, type KeyRevoked, type KeyRotated } from '@keyward/contracts';
import { DomainError } from '../domain.error';
import type { CreateKey, KeyCommand, RevokeKey, RotateKey } from './key.commands';
import { assertSecretOf, validAccess, validEnvironment, validExpiry, validGracePeriod, validKeyName } from './key-rules';
import { isExpiredAt } from './key-status';
import type { ExistingKey, KeyState } from './key.state';

/** A key of another workspace is answered exactly like an unknown one, so none is ever revealed. */
const existingKey = (state: KeyState, command: RotateKey | RevokeKey): ExistingKey => {
  if (state.status === 'absent' || state.keyId !== command.keyId || state.workspaceId !== command.workspaceId) {
    throw new DomainError(ErrorCodes.keyNotFound, 'no such key');
  }
  return state;
};

const createKey = (command: CreateKey, state: KeyState, now: Date): KeyCreated => {
  const name = validKeyName(command.name);
  const expiresAt = validExpiry(command.expiresAt, now);
  const environment = validEnvironment(command.environment);
  const access = validAccess(command);
  assertSecretOf(environment, command.secret);
  if (state.status !== 'absent') throw new DomainError(ErrorCodes.conflict, 'a key with this id exists already');
  const { secretHash, prefix, lastFour } = command.secret;
  return {
    type: 'KeyCreated',
    data: {
      keyId: command.keyId,
      workspaceId: command.workspaceId,
      name,
      environment,
      secretHash,
      prefix,
      lastFour,
      createdAt: now.toISOString(),
      expiresAt,
      roles: access.roles,
      permissions: access.permissions,
      unrestricted: access.unrestricted,
    },
  };
};

const rotateKey = (command: RotateKey, state: KeyState, now: Date): KeyRotated => {
  const grace = validGracePeriod(command.gracePeriodSeconds);
  const key = existingKey(state, command);
  if (key.status === 'revoked') throw new DomainError(ErrorCodes.keyRevoked, 'the key is revoked');
  if (isExpiredAt(key, now)) throw new DomainError(ErrorCodes.conflict, 'an expired key cannot be rotated');
  assertSecretOf(key.environment, command.secret);
  const graceEnds = now.getTime() + grace * 1_000;
  // A rotation never extends a key's life: the old secret ends no later than the key itself.
  const previousEnds = key.expiresAt === null ? graceEnds : Math.min(graceEnds, Date.parse(key.expiresAt));
  const { secretHash, prefix, lastFour } = command.secret;
  return {
    type: 'KeyRotated',
    data: { keyId: key.keyId, secretHash, prefix, lastFour, rotatedAt: now.toISOString(), previousKeyExpiresAt: new Date(previousEnds).toISOString() },
  };
};

/** Revocation is final; an expired key may still be revoked, so that it can never come back. */
const revokeKey = (command: RevokeKey, state: KeyState, now: Date): KeyRevoked => {
  const key = existingKey(state, command);
  if (key.status === 'revoked') throw new DomainError(ErrorCodes.keyRevoked, 'the key is already revoked');
  return { type: 'KeyRevoked', data: { keyId: key.keyId, revokedAt: now.toISOString() } };
};

/** Decides a key command against the key's state: the events to append, or a thrown DomainError. */
export const decideKey = (command: KeyCommand, state: KeyState, now: Date): KeyEvent[] => {
  switch (command.type) {
    case 'CreateKey':
      return [createKey(command, state, now)];
    case 'RotateKey':
      return [rotateKey(command, state, now)];
    case 'RevokeKey':
      return [revokeKey(command, state, now)];
  }
};
