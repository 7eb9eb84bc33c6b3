import type { CredentialLocation, CredentialSharing, SealedValue } from '@keyward/contracts';

export interface ExistingCredential {
  readonly status: 'active' | 'deleted';
  readonly credentialId: string;
  readonly workspaceId: string;
  readonly service: string;
  readonly name: string;
  readonly location: CredentialLocation;
  readonly parameterName: string;
  readonly allowedHosts: readonly string[];
  readonly ownerKeyId: string;
  readonly sharedWith: CredentialSharing;
  /** For the broker, which opens it through the vault; never shown. */
  readonly sealedValue: SealedValue;
  readonly lastFour: string;
  readonly storedAt: string;
  readonly rotatedAt: string | null;
  /** The last change of any kind. */
  readonly updatedAt: string;
}

export type CredentialState = { readonly status: 'absent' } | ExistingCredential;
export const initialCredentialState: CredentialState = { status: 'absent' };
