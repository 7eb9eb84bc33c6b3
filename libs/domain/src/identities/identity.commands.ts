import type { CreateIdentityRequest, UpdateIdentityRequest } from '@keyward/contracts';
import type { Permission } from '../permissions/permission';

/** The target of a command: the caller's workspace, never taken from a body. */
interface IdentityTarget {
  readonly identityId: string;
  readonly workspaceId: string;
}

/** The caller's effective permissions: an identity's credits and named limits are a full-access caller's to set. */
interface IdentityAuthority {
  readonly authority: readonly Permission[];
}

/** The request as the contract shapes it; decide still checks every value (limits, sizes, names). */
export type CreateIdentity = { readonly type: 'CreateIdentity' } & IdentityTarget & IdentityAuthority & Omit<CreateIdentityRequest, 'context'>;

/** Each field named is set; `meta: null` clears metadata, `credits: null` clears credits. Credits named start a new generation. */
export type UpdateIdentity = { readonly type: 'UpdateIdentity' } & IdentityTarget & IdentityAuthority & Omit<UpdateIdentityRequest, 'context' | 'identityId'>;

/** Whether live keys still belong to it is the caller's to check first (they are in other streams). */
export type DeleteIdentity = { readonly type: 'DeleteIdentity' } & IdentityTarget;

export type IdentityCommand = CreateIdentity | UpdateIdentity | DeleteIdentity;
