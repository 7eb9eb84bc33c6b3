import { ErrorCodes, type CommandReply, type Credits, type IdentityEvent, type IdentityResult, type JsonObject, type Subjects } from '@keyward/contracts';
import { DomainError, isIdentityId, MAX_EXTERNAL_ID_LENGTH, validCredits, validMeta, validNamedRateLimits, type IdentityState } from '@keyward/domain';
import type { CommandParser } from '../commands/command-endpoint.decorator';
import type { Handled } from '../commands/command.handler';
import { asCommandContext, asObject, asString, optional } from '../commands/command-payload';

type S = typeof Subjects.identityCommand;

/** A malformed id can name no identity, so it is answered as an unknown one. */
export const asIdentityId = (value: unknown): string => {
  if (isIdentityId(value)) return value;
  throw new DomainError(ErrorCodes.identityNotFound, 'no such identity');
};

/** Longer than any accepted value (in UTF-16 units), so that the domain, not the parser, says what is wrong with it. */
const asExternalId = (value: unknown): string => asString(value, 'externalId', MAX_EXTERNAL_ID_LENGTH * 2 + 1);
/** The domain's own rules shape the values; decide applies them again where it decides. */
const asCredits = (value: unknown): Credits | null => (value === null ? null : validCredits(value));
const asMeta = (value: unknown): JsonObject | null => (value === null ? null : validMeta(value));
const asMetaObject = (value: unknown): JsonObject => validMeta(value);

export const parseCreateIdentity: CommandParser<S['create']> = (payload) => {
  const p = asObject(payload, 'command');
  return {
    context: asCommandContext(p.context),
    externalId: asExternalId(p.externalId),
    meta: optional(p.meta, asMetaObject),
    ratelimits: optional(p.ratelimits, (v) => validNamedRateLimits(v)),
    credits: optional(p.credits, asCredits),
  };
};

export const parseUpdateIdentity: CommandParser<S['update']> = (payload) => {
  const p = asObject(payload, 'command');
  return {
    context: asCommandContext(p.context),
    identityId: asIdentityId(p.identityId),
    externalId: optional(p.externalId, asExternalId),
    meta: optional(p.meta, asMeta),
    ratelimits: optional(p.ratelimits, (v) => validNamedRateLimits(v)),
    credits: optional(p.credits, asCredits),
  };
};

export const parseDeleteIdentity: CommandParser<S['delete']> = (payload) => {
  const p = asObject(payload, 'command');
  return { context: asCommandContext(p.context), identityId: asIdentityId(p.identityId) };
};

/** What an identity write answers: the identity as it is now, credits as set. */
export const identityReply = ({ state, position }: Handled<IdentityState, IdentityEvent>): CommandReply<IdentityResult> => {
  if (state.status !== 'active') throw new Error('an identity write left the identity inactive');
  const { identityId, workspaceId, externalId, meta, ratelimits, credits, createdAt, updatedAt } = state;
  return { ok: true, position, result: { id: identityId, workspaceId, externalId, meta, ratelimits, credits, createdAt, updatedAt } };
};
