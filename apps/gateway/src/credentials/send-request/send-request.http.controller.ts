import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { ErrorCodes } from '@keyward/contracts';
import { AnyKey } from '../../auth/any-key.decorator';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/principal';
import { ApiErrors } from '../../errors/api-errors.decorator';
import { AdminController } from '../../http/admin-controller.decorator';
import { NotIdempotent } from '../../idempotency/not-idempotent.decorator';
import { CredentialIdPipe } from '../credential-id.pipe';
import { CredentialBroker } from './credential.broker';
import { SendRequestRequestDto } from './send-request.request.dto';
import { SendRequestResponseDto } from './send-request.response.dto';

@AdminController('credentials', 'v1/credentials')
export class SendRequestHttpController {
  constructor(private readonly broker: CredentialBroker) {}

  /**
   * The broker: any key may call it, and it sends only for the credential's owner or a key or role
   * it is shared with (using is not managing, so no `credentials:*` permission is asked; a sharer
   * only while the plan includes credential sharing, else 402), only to its allowed hosts. The answer is the third party's, whatever its status, value redacted.
   */
  @Post(':id/requests')
  @HttpCode(200)
  @AnyKey()
  @NotIdempotent()
  @ApiOkResponse({ type: SendRequestResponseDto, description: "the third party's answer (its status is in the body)" })
  @ApiErrors(ErrorCodes.credentialNotFound, ErrorCodes.forbidden, ErrorCodes.planUpgradeRequired, ErrorCodes.payloadTooLarge, ErrorCodes.upstreamFailed, ErrorCodes.upstreamTimeout)
  async send(@Param('id', CredentialIdPipe) credentialId: string, @Body() body: SendRequestRequestDto, @CurrentPrincipal() principal: Principal): Promise<SendRequestResponseDto> {
    return this.broker.send(principal, credentialId, { method: body.method, url: body.url, headers: body.headers ?? {}, ...(body.body === undefined ? {} : { body: body.body }) });
  }
}
