import type { CredentialStoredData } from '@keyward/contracts';

/** As stored, with every change since folded in; the sealed value is for the broker, which opens it through the vault, never shown. */
export interface ExistingCredential extends CredentialStoredData {
  readonly status: 'active' | 'deleted';
  readonly rotatedAt: string | null;
  /** The last change of any kind. */
  readonly updatedAt: string;
}

export type CredentialState = { readonly status: 'absent' } | ExistingCredential;
export const initialCredentialState: CredentialState = { status: 'absent' };
