import { Inject, Injectable } from '@nestjs/common';
import type { SealedValue } from '@keyward/contracts';
import type { CredentialVault } from '@keyward/vault';
import { newWebhookSecret } from '@keyward/webhooks';
import { CREDENTIAL_VAULT } from '../credentials/credential-vault.provider';
import { ApiError } from '../errors/api-error';

export interface IssuedSecret {
  /** For the answer, this once. */
  readonly secret: string;
  readonly sealedSecret: SealedValue;
}

/** Refusals that prove key-command wrote nothing: the data key drawn for a refused create can go. */
const REFUSED = new Set([400, 402, 403, 404]);

/**
 * Signing secrets are drawn here and sealed at once under the webhook's own data key (the vault's,
 * as credential values are): only the sealed form goes on to key-command and into the history.
 */
@Injectable()
export class WebhookSecrets {
  constructor(@Inject(CREDENTIAL_VAULT) private readonly vault: CredentialVault) {}

  async issue(webhookId: string, workspaceId: string): Promise<IssuedSecret> {
    const secret = newWebhookSecret();
    return { secret, sealedSecret: await this.vault.seal(webhookId, workspaceId, secret) };
  }

  /** After a delete: the secret's data key goes before the answer (the projector's reaction is the backstop, as for credentials). */
  async destroy(webhookId: string): Promise<void> {
    await this.vault.destroy(webhookId);
  }

  /** Runs the create of a webhook sealed under a new id; a refused one leaves no data key behind. */
  async creating<T>(webhookId: string, create: () => Promise<T>): Promise<T> {
    try {
      return await create();
    } catch (error) {
      if (error instanceof ApiError && REFUSED.has(error.getStatus())) await this.vault.destroy(webhookId);
      throw error;
    }
  }
}
