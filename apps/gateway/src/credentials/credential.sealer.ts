import { Inject, Injectable } from '@nestjs/common';
import type { CredentialLocation, SealedValue } from '@keyward/contracts';
import { lastFourOf, valueFitsLocation, type ExistingCredential } from '@keyward/domain';
import { CredentialShreddedError, type CredentialVault } from '@keyward/vault';
import { ApiError } from '../errors/api-error';
import { credentialNotFound } from './credential-id.pipe';
import { CREDENTIAL_VAULT } from './credential-vault.provider';

export interface Sealed {
  readonly sealedValue: SealedValue;
  readonly lastFour: string;
}

/** Refusals that prove key-command wrote nothing: the data key drawn for a refused store can go. */
const REFUSED = new Set([400, 402, 403, 404]);

/** The plain value stops here: what goes on to key-command is its sealed form and last four characters. */
@Injectable()
export class CredentialSealer {
  constructor(@Inject(CREDENTIAL_VAULT) private readonly vault: CredentialVault) {}

  async seal(credentialId: string, workspaceId: string, value: string): Promise<Sealed> {
    try {
      return { sealedValue: await this.vault.seal(credentialId, workspaceId, value), lastFour: lastFourOf(value) };
    } catch (error) {
      // Deleted meanwhile: its data key is destroyed for good, so there is nothing to rotate.
      if (error instanceof CredentialShreddedError) throw credentialNotFound();
      throw error;
    }
  }

  /**
   * Whether the credential's value can go in `location`. Only a move from `query` to a header
   * needs the value opened (values stored or rotated into a header were checked then); it is
   * checked and dropped.
   */
  async fitsLocation(credential: ExistingCredential, location: CredentialLocation): Promise<boolean> {
    if (location === 'query' || credential.location !== 'query') return true;
    try {
      return valueFitsLocation(location, await this.vault.open(credential.credentialId, credential.workspaceId, credential.sealedValue));
    } catch (error) {
      if (error instanceof CredentialShreddedError) throw credentialNotFound();
      throw error;
    }
  }

  /**
   * Runs the store of a credential sealed under a new id; when key-command refuses it, the data key
   * made for it is destroyed, so refused requests leave no keys behind. Anything else (no answer)
   * may have stored it, and keeps the key.
   */
  async storing<T>(credentialId: string, store: () => Promise<T>): Promise<T> {
    try {
      return await store();
    } catch (error) {
      if (error instanceof ApiError && REFUSED.has(error.getStatus())) await this.vault.destroy(credentialId);
      throw error;
    }
  }
}
