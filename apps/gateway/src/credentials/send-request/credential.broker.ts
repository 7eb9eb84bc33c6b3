import { Inject, Injectable } from '@nestjs/common';
import { ErrorCodes } from '@keyward/contracts';
import { mayUseCredential } from '@keyward/domain';
import { placeSecret, redactSecret, sendOutbound, type OutboundPolicy, type OutboundRequest, type OutboundResponse } from '@keyward/outbound';
import { CredentialStateQueries } from '@keyward/read-models';
import { CredentialShreddedError, type CredentialVault } from '@keyward/vault';
import type { Principal } from '../../auth/principal';
import { ApiError } from '../../errors/api-error';
import { CREDENTIAL_VAULT } from '../credential-vault.provider';
import { outboundApiError } from './outbound-error.mapping';
import { OUTBOUND_POLICY } from './outbound-policy.provider';

const gone = (): ApiError => new ApiError(ErrorCodes.credentialNotFound, 'no such credential: it does not exist or was deleted, and its value can no longer be used');
const notYours = (): ApiError => new ApiError(ErrorCodes.forbidden, 'nothing sent: this key is not the owner of the credential nor among those it is shared with');

/**
 * Sends a request with a credential's value, for a caller who may use it. The credential is read
 * from its own stream, so an unshare, a rotation or a delete holds from the next request on; the
 * value is opened only after the caller is known to be allowed, and is redacted from the answer.
 */
@Injectable()
export class CredentialBroker {
  constructor(
    private readonly credentials: CredentialStateQueries,
    @Inject(CREDENTIAL_VAULT) private readonly vault: CredentialVault,
    @Inject(OUTBOUND_POLICY) private readonly policy: OutboundPolicy,
  ) {}

  async send(principal: Principal, credentialId: string, request: OutboundRequest): Promise<OutboundResponse> {
    const credential = await this.credentials.get(principal.workspaceId, credentialId);
    if (!credential) throw gone();
    if (!mayUseCredential(credential, { keyId: principal.actor, roles: principal.roles })) throw notYours();
    let value: string;
    try {
      value = await this.vault.open(credentialId, principal.workspaceId, credential.sealedValue);
    } catch (error) {
      // Deleted between the read and the open: the data key is destroyed, the value gone for good.
      if (error instanceof CredentialShreddedError) throw gone();
      throw error;
    }
    try {
      return redactSecret(await sendOutbound(placeSecret(request, credential, value), credential.allowedHosts, this.policy), value);
    } catch (error) {
      throw outboundApiError(error);
    }
  }
}
