import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorCodes, Subjects, type RevokeKeyResult } from '@keyward/contracts';
import { Public } from '../../auth/public.decorator';
import { CommandClient, type Written } from '../../commands/command.client';
import { ApiError } from '../../errors/api-error';
import { ApiErrors } from '../../errors/api-errors.decorator';
import type { GatewayRequest } from '../../http/gateway-request';
import { KeyFinder } from '../key-finder';
import { systemContext } from '../system-context';
import { REVOKE_LEAKED_ANSWER, RevokeLeakedAnswerDto } from './revoke-leaked.response.dto';
import { RevokeLeakedThrottle } from './revoke-leaked.throttle';

const NOT_YET_EVERYWHERE = (): ApiError => new ApiError(ErrorCodes.unavailable, 'the revocation could not be confirmed everywhere yet; send it again shortly');

/** A revocation that found the key already gone is the same success to its holder. */
const ALREADY_GONE = new Set<string>([ErrorCodes.keyRevoked, ErrorCodes.keyNotFound]);

/**
 * Revoke-by-secret (product.md 9.5), like GitHub's credential-revocation API: whoever holds a key
 * may kill it, with no other credential. The answer is the same 202 for a live key, a revoked one,
 * an unknown one, a rotated-away secret past its grace period (its key is not the leaked one), a
 * malformed one and no body or one the parser refuses (`takesAnyBody`), so it tells nothing; a live
 * key is revoked (actor `system`, reason `leaked-by-holder`) in every verifier before that answer,
 * else 503. Rate limited per source address (429 with Retry-After); the key is never logged.
 */
@ApiTags('keys')
@Controller('v1/keys')
export class RevokeLeakedHttpController {
  constructor(
    private readonly throttle: RevokeLeakedThrottle,
    private readonly finder: KeyFinder,
    private readonly commands: CommandClient,
  ) {}

  @Post('revoke-leaked')
  @HttpCode(202)
  @Public()
  @ApiBody({ schema: { type: 'object', properties: { key: { type: 'string', example: 'kw_live_…' } } }, required: false })
  @ApiAcceptedResponse({ type: RevokeLeakedAnswerDto, description: 'the same whatever the key' })
  @ApiErrors(ErrorCodes.rateLimited, ErrorCodes.unavailable)
  async revoke(@Req() request: GatewayRequest, @Res({ passthrough: true }) response: Response): Promise<RevokeLeakedAnswerDto> {
    const address = request.ip ?? 'unknown';
    const now = Date.now();
    const wait = this.throttle.retryAfterSeconds(address, now);
    if (wait !== undefined) {
      response.setHeader('Retry-After', String(wait));
      throw new ApiError(ErrorCodes.rateLimited, 'too many revocation requests from this address; retry after Retry-After seconds');
    }
    this.throttle.record(address, now);
    const key = (request.body as { key?: unknown } | undefined)?.key;
    if (typeof key === 'string') await this.revokeIfLive(request, key);
    return REVOKE_LEAKED_ANSWER;
  }

  private async revokeIfLive(request: GatewayRequest, secret: string): Promise<void> {
    const found = await this.finder.find(secret);
    if (!found?.current) return;
    let written: Written<RevokeKeyResult>;
    try {
      written = await this.commands.send(Subjects.keyCommand.revoke, { context: systemContext(request, found), keyId: found.keyId, reason: 'leaked-by-holder' });
    } catch (error) {
      if (error instanceof ApiError && ALREADY_GONE.has(error.body.code)) return;
      throw error;
    }
    // A 202 before every verifier has it would let the key answer VALID after its revocation returned.
    if (!written.consistent) throw NOT_YET_EVERYWHERE();
  }
}
