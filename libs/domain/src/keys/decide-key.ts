import { ErrorCodes, type KeyCreated, type KeyEvent, type KeyRevoked, type KeyRotated } from '@keyward/contracts';
import { DomainError } from '../domain.error';
import { MAX_GRACE_PERIOD_SECONDS, MAX_KEY_NAME_LENGTH, ACCESS_LEVELS, type CreateKey, type KeyCommand, type RevokeKey, type RotateKey } from './key.commands';
import { isExpiredAt } from './key-status';
import type { ExistingKey, KeyState } from './key.state';

const invalid = (field: string, message: string): DomainError => new DomainError(ErrorCodes.validationFailed, message, field);

/** C0 and C1 control characters would let a key name forge lines in logs and consoles. */
const hasControlCharacter = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
};

const validName = (raw: string): string => {
  const name = raw.trim();
  if (name.length === 0 || name.length > MAX_KEY_NAME_LENGTH) throw invalid('name', `name must be 1 to ${MAX_KEY_NAME_LENGTH} characters`);
  if (hasControlCharacter(name)) throw invalid('name', 'name must not contain control characters');
  return name;
};

const validExpiry = (expiresAt: string | null, now: Date): string | null => {
  if (expiresAt === null) return null;
  const at = Date.parse(expiresAt);
  if (Number.isNaN(at)) throw invalid('expiresAt', 'expiresAt must be an ISO 8601 date-time');
  if (at <= now.getTime()) throw invalid('expiresAt', 'expiresAt must be in the future');
  return new Date(at).toISOString();
};

/** A key of another workspace is answered exactly like an unknown one. */
const existingKey = (state: KeyState, workspaceId: string): ExistingKey => {
  if (state.status === 'absent' || state.workspaceId !== workspaceId) throw new DomainError(ErrorCodes.keyNotFound, 'no such key');
  return state;
};

const createKey = (command: CreateKey, state: KeyState, now: Date): KeyCreated => {
  if (state.status !== 'absent') throw new DomainError(ErrorCodes.conflict, 'a key with this id exists already');
  if (command.environment !== 'live' && command.environment !== 'test') throw invalid('environment', 'environment must be live or test');
  const roles = [...new Set(command.roles ?? [])];
  const permissions = command.permissions ?? {};
  for (const [resource, level] of Object.entries(permissions)) {
    if (!ACCESS_LEVELS.includes(level)) throw invalid(`permissions.${resource}`, 'a permission level is none, read or write');
  }
  const restricted = roles.length > 0 || Object.keys(permissions).length > 0;
  if (command.unrestricted === true && restricted) {
    throw invalid('unrestricted', 'an unrestricted key cannot also have roles or permissions');
  }
  return {
    type: 'KeyCreated',
    data: {
      keyId: command.keyId,
      workspaceId: command.workspaceId,
      name: validName(command.name),
      environment: command.environment,
      ...command.secret,
      createdAt: now.toISOString(),
      expiresAt: validExpiry(command.expiresAt, now),
      roles,
      permissions,
      // Without restrictions a key acts as an admin key, as in the products this follows.
      unrestricted: command.unrestricted ?? !restricted,
    },
  };
};

const rotateKey = (command: RotateKey, state: KeyState, now: Date): KeyRotated => {
  const key = existingKey(state, command.workspaceId);
  if (key.status === 'revoked') throw new DomainError(ErrorCodes.keyRevoked, 'the key is revoked');
  if (isExpiredAt(key, now)) throw new DomainError(ErrorCodes.conflict, 'an expired key cannot be rotated');
  const grace = command.gracePeriodSeconds;
  if (!Number.isInteger(grace) || grace < 0 || grace > MAX_GRACE_PERIOD_SECONDS) {
    throw invalid('gracePeriodSeconds', `gracePeriodSeconds must be an integer from 0 to ${MAX_GRACE_PERIOD_SECONDS}`);
  }
  const graceEnds = now.getTime() + grace * 1_000;
  // A rotation never extends a key's life: the old secret ends no later than the key itself.
  const previousEnds = key.expiresAt === null ? graceEnds : Math.min(graceEnds, Date.parse(key.expiresAt));
  return {
    type: 'KeyRotated',
    data: { keyId: key.keyId, ...command.secret, rotatedAt: now.toISOString(), previousKeyExpiresAt: new Date(previousEnds).toISOString() },
  };
};

const revokeKey = (command: RevokeKey, state: KeyState, now: Date): KeyRevoked => {
  const key = existingKey(state, command.workspaceId);
  if (key.status === 'revoked') throw new DomainError(ErrorCodes.keyRevoked, 'the key is already revoked; revocation is final');
  return { type: 'KeyRevoked', data: { keyId: key.keyId, revokedAt: now.toISOString() } };
};

/** Decides a key command against the key's state: the events to append, or a DomainError. */
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
