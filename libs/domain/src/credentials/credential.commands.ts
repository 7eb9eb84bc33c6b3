import type { CredentialSharing, SealedValue } from '@keyward/contracts';
import type { WorkspacePolicy } from '../access/access-policy';
import type { CredentialActor } from './credential-control';
import type { KnownPrincipals } from './credential-sharing';

/** The value arrives sealed (the gateway sealed it under this id): the domain never sees it. */
export interface StoreCredential {
  readonly type: 'StoreCredential';
  readonly credentialId: string;
  readonly workspaceId: string;
  readonly ownerKeyId: string;
  readonly service: string;
  readonly name: string;
  readonly location: string;
  readonly parameterName?: string;
  readonly allowedHosts: readonly string[];
  readonly sharedWith?: CredentialSharing;
  readonly sealedValue: SealedValue;
  readonly lastFour: string;
  readonly workspace: WorkspacePolicy;
  readonly known: KnownPrincipals;
}

/** Fields left out keep their value; a location changed away from `bearer` needs its parameterName. */
export interface UpdateCredential {
  readonly type: 'UpdateCredential';
  readonly credentialId: string;
  readonly workspaceId: string;
  /** A change of location, parameter name or hosts is the owner's (`mayControlCredential`). */
  readonly actor: CredentialActor;
  readonly name?: string;
  readonly location?: string;
  readonly parameterName?: string;
  readonly allowedHosts?: readonly string[];
}

export interface RotateCredentialValue {
  readonly type: 'RotateCredentialValue';
  readonly credentialId: string;
  readonly workspaceId: string;
  readonly sealedValue: SealedValue;
  readonly lastFour: string;
}

export interface SetCredentialSharing {
  readonly type: 'SetCredentialSharing';
  readonly credentialId: string;
  readonly workspaceId: string;
  /** Sharing is the owner's (`mayControlCredential`). */
  readonly actor: CredentialActor;
  readonly sharedWith: CredentialSharing;
  readonly workspace: WorkspacePolicy;
  readonly known: KnownPrincipals;
}

export interface DeleteCredential {
  readonly type: 'DeleteCredential';
  readonly credentialId: string;
  readonly workspaceId: string;
}

export type CredentialCommand = StoreCredential | UpdateCredential | RotateCredentialValue | SetCredentialSharing | DeleteCredential;
