import type { CredentialSharing } from '../events/credential-events';
import type { SealedValue } from '../sealed-value';
import type { CommandContext } from './command-context';

/**
 * The gateway draws the id and seals the value under it (the id is the seal's associated data)
 * before sending: the plain value never crosses the bus.
 */
export interface StoreCredentialRequest {
  readonly context: CommandContext;
  readonly credentialId: string;
  readonly service: string;
  readonly name: string;
  readonly location: string;
  readonly parameterName?: string;
  readonly allowedHosts: readonly string[];
  readonly sharedWith?: CredentialSharing;
  readonly sealedValue: SealedValue;
  readonly lastFour: string;
}

/** Fields left out keep their value. */
export interface UpdateCredentialRequest {
  readonly context: CommandContext;
  readonly credentialId: string;
  readonly name?: string;
  readonly location?: string;
  readonly parameterName?: string;
  readonly allowedHosts?: readonly string[];
}

export interface RotateCredentialValueRequest {
  readonly context: CommandContext;
  readonly credentialId: string;
  readonly sealedValue: SealedValue;
  readonly lastFour: string;
}

/** The whole new set of principals; empty lists make the credential personal again. */
export interface SetCredentialSharingRequest {
  readonly context: CommandContext;
  readonly credentialId: string;
  readonly sharedWith: CredentialSharing;
}

export interface DeleteCredentialRequest {
  readonly context: CommandContext;
  readonly credentialId: string;
}

/** What a credential write answers; the gateway reads the credential back from its history. */
export interface CredentialResult {
  readonly id: string;
  readonly workspaceId: string;
}

export interface DeleteCredentialResult {
  readonly id: string;
  readonly deletedAt: string;
}
