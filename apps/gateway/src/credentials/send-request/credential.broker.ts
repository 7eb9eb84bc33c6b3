import { Inject, Injectable } from '@nestjs/common';
import { ErrorCodes } from '@keyward/contracts';
import { assertMayUseCredential, DomainError } from '@keyward/domain';
import { placeSecret, redactSecret, sendOutbound, type OutboundPolicy, type OutboundRequest, type OutboundResponse } from '@keyward/outbound';
import { CredentialStateQueries, WorkspaceStateQueries } from '@keyward/read-models';
import { CredentialShreddedError, type CredentialVault } from '@keyward/vault';
import type { Principal } from '../../auth/principal';
import { ApiError } from '../../errors/api-error';
import { CREDENTIAL_VAULT } from '../credential-vault.provider';
import { outboundApiError } from './outbound-error.mapping';
import { OUTBOUND_POLICY } from './outbound-policy.provider';

const gone = (): ApiError => new ApiError(ErrorCodes.credentialNotFound, 'no such credential: it does not exist or was deleted, and its value can no longer be used');

/**
 * Sends a request with a credential's value, for a caller who may use it. The credential and the
 * workspace's plan are read from their own streams, so an unshare, a rotation, a delete or a
 * downgrade (a sharer then gets 402) holds from the next request on; the
 * value is opened only after the caller is known to be allowed, and is redacted from the answer.
 */
@Injectable()
export class CredentialBroker {
  constructor(
    private readonly credentials: CredentialStateQueries,
    private readonly workspaces: WorkspaceStateQueries,
    @Inject(CREDENTIAL_VAULT) private readonly vault: CredentialVault,
    @Inject(OUTBOUND_POLICY) private readonly policy: OutboundPolicy,
  ) {}

  async send(principal: Principal, credentialId: string, request: OutboundRequest): Promise<OutboundResponse> {
    const [credential, workspace] = await Promise.all([this.credentials.get(principal.workspaceId, credentialId), this.workspaces.get(principal.workspaceId)]);
    if (!credential) throw gone();
    try {
      // The plan as it is now (read from its stream like the credential): an unknown workspace has none.
      assertMayUseCredential(credential, { keyId: principal.actor, roles: principal.roles }, workspace?.plan ?? 'free');
    } catch (error) {
      if (error instanceof DomainError) throw new ApiError(error.code, `nothing sent: ${error.message}`);
      throw error;
    }
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
