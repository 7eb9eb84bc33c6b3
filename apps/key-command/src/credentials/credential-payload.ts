import { ErrorCodes, type CommandContext, type CommandReply, type CredentialEvent, type CredentialResult, type CredentialSharing, type SealedValue, type Subjects } from '@keyward/contracts';
import { DomainError, isCredentialId, type CredentialActor, isLastFour, LAST_FOUR_LENGTH, MAX_ALLOWED_HOSTS, MAX_SHARED_PRINCIPALS, textInput, validationError, type CredentialState } from '@keyward/domain';
import type { CommandParser } from '../commands/command-endpoint.decorator';
import type { Handled } from '../commands/command.handler';
import { asCommandContext, asObject, asStringArray, optional } from '../commands/command-payload';

type S = typeof Subjects.credentialCommand;

/** A malformed id can name no credential, so it is answered as an unknown one. */
export const asCredentialId = (value: unknown): string => {
  if (isCredentialId(value)) return value;
  throw new DomainError(ErrorCodes.credentialNotFound, 'no such credential');
};

/** Base64url parts of at most what a sealed value of the largest accepted value takes. */
const SEALED_PART = /^[A-Za-z0-9_-]{1,65536}$/;
/** `name`: the field it came in (a webhook's `sealedSecret`). */
export const asSealedValue = (value: unknown, name = 'sealedValue'): SealedValue => {
  const o = asObject(value, name);
  const part = (field: 'nonce' | 'ciphertext' | 'tag'): string => {
    const text = o[field];
    if (typeof text !== 'string' || !SEALED_PART.test(text)) throw validationError(`${name}.${field}`, `${name}.${field} must be base64url`);
    return text;
  };
  return { nonce: part('nonce'), ciphertext: part('ciphertext'), tag: part('tag') };
};

/** The domain's rule (code points, as the gateway's `lastFourOf` counts), not UTF-16 units: a value ending in emoji has a lastFour of 8 units. */
export const asLastFour = (value: unknown): string => {
  if (typeof value === 'string' && isLastFour(value)) return value;
  throw validationError('lastFour', `lastFour must be none or the last ${LAST_FOUR_LENGTH} characters of a value`);
};

const asHosts = (value: unknown): string[] => asStringArray(value, 'allowedHosts', MAX_ALLOWED_HOSTS);

export const asSharing = (value: unknown): CredentialSharing => {
  const o = asObject(value, 'sharedWith');
  return { keys: asStringArray(o.keys ?? [], 'sharedWith.keys', MAX_SHARED_PRINCIPALS), roles: asStringArray(o.roles ?? [], 'sharedWith.roles', MAX_SHARED_PRINCIPALS) };
};

export const parseStoreCredential: CommandParser<S['store']> = (payload) => {
  const p = asObject(payload, 'command');
  return {
    context: asCommandContext(p.context),
    credentialId: asCredentialId(p.credentialId),
    service: textInput(p.service, 'service'),
    name: textInput(p.name, 'name'),
    location: textInput(p.location, 'location'),
    parameterName: optional(p.parameterName, (v) => textInput(v, 'parameterName')),
    allowedHosts: asHosts(p.allowedHosts),
    sharedWith: optional(p.sharedWith, asSharing),
    sealedValue: asSealedValue(p.sealedValue),
    lastFour: asLastFour(p.lastFour),
  };
};

export const parseUpdateCredential: CommandParser<S['update']> = (payload) => {
  const p = asObject(payload, 'command');
  return {
    context: asCommandContext(p.context),
    credentialId: asCredentialId(p.credentialId),
    name: optional(p.name, (v) => textInput(v, 'name')),
    location: optional(p.location, (v) => textInput(v, 'location')),
    parameterName: optional(p.parameterName, (v) => textInput(v, 'parameterName')),
    allowedHosts: optional(p.allowedHosts, asHosts),
  };
};

export const parseRotateCredentialValue: CommandParser<S['rotateValue']> = (payload) => {
  const p = asObject(payload, 'command');
  return { context: asCommandContext(p.context), credentialId: asCredentialId(p.credentialId), sealedValue: asSealedValue(p.sealedValue), lastFour: asLastFour(p.lastFour) };
};

export const parseSetCredentialSharing: CommandParser<S['setSharing']> = (payload) => {
  const p = asObject(payload, 'command');
  return { context: asCommandContext(p.context), credentialId: asCredentialId(p.credentialId), sharedWith: asSharing(p.sharedWith) };
};

export const parseDeleteCredential: CommandParser<S['delete']> = (payload) => {
  const p = asObject(payload, 'command');
  return { context: asCommandContext(p.context), credentialId: asCredentialId(p.credentialId) };
};

/** What a credential write answers: which credential, for the gateway to read back from its history. */
export const credentialReply = ({ state, position }: Handled<CredentialState, CredentialEvent>): CommandReply<CredentialResult> => {
  if (state.status !== 'active') throw new Error('a credential write left the credential inactive');
  return { ok: true, position, result: { id: state.credentialId, workspaceId: state.workspaceId } };
};

/** The key that sends a command, as the credential's rules of control see it. */
export const credentialActor = (context: CommandContext): CredentialActor => ({ keyId: context.actor, root: context.operator });
