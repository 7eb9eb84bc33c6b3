/**
 * A sealed value or wrapped data key failed authentication: altered, or moved to another
 * credential. Says which credential, never the value or any key.
 */
export class VaultIntegrityError extends Error {
  constructor(
    readonly credentialId: string,
    what: 'sealed value' | 'data key',
  ) {
    super(`the ${what} of credential ${credentialId} does not authenticate: altered, or not this credential's`);
    this.name = 'VaultIntegrityError';
  }
}

/** A data key is wrapped under a master key this process does not hold, even after reloading its keyring. */
export class UnknownMasterKeyError extends Error {
  constructor(
    readonly credentialId: string,
    readonly masterKeyId: string,
  ) {
    super(`the data key of credential ${credentialId} is wrapped under master key ${masterKeyId}, which is not configured (KEYWARD_MASTER_KEY or <data>/master-key)`);
    this.name = 'UnknownMasterKeyError';
  }
}
