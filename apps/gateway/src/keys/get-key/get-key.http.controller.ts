import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ErrorCodes, type KeyView } from '@keyward/contracts';
import { KeyQueries } from '@keyward/read-models';
import { CurrentPrincipal, RequirePermission } from '../../auth/auth.decorators';
import type { Principal } from '../../auth/principal';
import { ApiError } from '../../errors/api-error';
import { KeyIdPipe } from '../key-id.pipe';

@ApiTags('keys')
@ApiBearerAuth()
@Controller('v1/keys')
export class GetKeyHttpController {
  constructor(private readonly keys: KeyQueries) {}

  /** A key of another workspace is as unknown as a key that never existed. */
  @Get(':id')
  @RequirePermission('api_keys:read')
  async get(@Param('id', KeyIdPipe) keyId: string, @CurrentPrincipal() principal: Principal): Promise<KeyView> {
    const key = await this.keys.get(principal.workspaceId, keyId);
    if (!key) throw new ApiError(ErrorCodes.keyNotFound, 'no such key');
    return key;
  }
}
