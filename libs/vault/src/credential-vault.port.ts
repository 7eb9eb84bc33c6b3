import type { SealedValue } from '@keyward/contracts';

/**
 * Envelope encryption of credential values (product.md 9.4): each credential has its own random
 * 256-bit data key, kept wrapped by the master key in a table outside the event history. The one
 * port every caller uses; the values it hands out are never logged, stored or answered.
 */
export interface CredentialVault {
  /**
   * Seals `value` under the credential's data key, creating (and storing, wrapped) that key on
   * first use; a fresh nonce every time. The credential id is the associated data, so a sealed
   * value moved to another credential fails to open. Throws `CredentialNotInWorkspaceError` when
   * the credential's data key belongs to another workspace.
   */
  seal(credentialId: string, workspaceId: string, value: string): Promise<SealedValue>;
  /**
   * The value, for the broker only, and only for the workspace the credential belongs to
   * (`CredentialNotInWorkspaceError` otherwise). Throws `CredentialShreddedError` once the data
   * key is destroyed.
   */
  open(credentialId: string, workspaceId: string, sealed: SealedValue): Promise<string>;
  /** Crypto-shredding: destroys the data key for good; idempotent. */
  destroy(credentialId: string): Promise<void>;
}

/** The credential's data key is gone (the credential was deleted): its value can never be opened again. */
export class CredentialShreddedError extends Error {
  constructor(readonly credentialId: string) {
    super(`the data key of credential ${credentialId} was destroyed`);
    this.name = 'CredentialShreddedError';
  }
}

/**
 * The credential's data key is not this workspace's. Names only what the caller asked for: not
 * whose it is, nor whether it was destroyed.
 */
export class CredentialNotInWorkspaceError extends Error {
  constructor(
    readonly credentialId: string,
    readonly workspaceId: string,
  ) {
    super(`credential ${credentialId} has no data key in workspace ${workspaceId}`);
    this.name = 'CredentialNotInWorkspaceError';
  }
}
