import type { Credits, JsonObject, NamedRateLimitInput } from '@keyward/contracts';

/** Shaped by the caller's parser; decide still checks every value (limits, sizes, names). */
export interface CreateIdentity {
  readonly type: 'CreateIdentity';
  readonly identityId: string;
  readonly workspaceId: string;
  readonly externalId: string;
  readonly meta?: JsonObject;
  readonly ratelimits?: readonly NamedRateLimitInput[];
  readonly credits?: Credits | null;
}

/** Each field named is set; `meta: null` clears metadata, `credits: null` clears credits. Credits named start a new generation. */
export interface UpdateIdentity {
  readonly type: 'UpdateIdentity';
  readonly identityId: string;
  readonly workspaceId: string;
  readonly externalId?: string;
  readonly meta?: JsonObject | null;
  readonly ratelimits?: readonly NamedRateLimitInput[];
  readonly credits?: Credits | null;
}

/** Whether live keys still belong to it is the caller's to check first (they are in other streams). */
export interface DeleteIdentity {
  readonly type: 'DeleteIdentity';
  readonly identityId: string;
  readonly workspaceId: string;
}

export type IdentityCommand = CreateIdentity | UpdateIdentity | DeleteIdentity;
