import type { JsonObject } from '../json-value';
import type { Credits, NamedRateLimitInput } from '../events/key-events';
import type { IdentityView } from '../identity.view';
import type { CommandContext } from './command-context';

export interface CreateIdentityRequest {
  readonly context: CommandContext;
  readonly externalId: string;
  readonly meta?: JsonObject;
  /** `autoApply` left out: true (as a key's). */
  readonly ratelimits?: readonly NamedRateLimitInput[];
  readonly credits?: Credits | null;
}

/** Each field named is set; `null` clears credits or metadata. Credits named start a new generation. */
export interface UpdateIdentityRequest {
  readonly context: CommandContext;
  readonly identityId: string;
  readonly externalId?: string;
  readonly meta?: JsonObject | null;
  /** `autoApply` left out: true (as a key's). */
  readonly ratelimits?: readonly NamedRateLimitInput[];
  readonly credits?: Credits | null;
}

export interface DeleteIdentityRequest {
  readonly context: CommandContext;
  readonly identityId: string;
}

export interface DeleteIdentityResult {
  readonly id: string;
  readonly deletedAt: string;
}

/** What a create or update leaves: credits as set (the gateway shows the live balance). */
export type IdentityResult = Omit<IdentityView, 'credits' | 'keyCount'> & { readonly credits: Credits | null };
