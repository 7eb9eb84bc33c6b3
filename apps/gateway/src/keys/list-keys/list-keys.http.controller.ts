import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ErrorCodes, type KeyPage } from '@keyward/contracts';
import { InvalidCursorError, KeyQueries } from '@keyward/read-models';
import { CurrentPrincipal, RequirePermission } from '../../auth/auth.decorators';
import type { Principal } from '../../auth/principal';
import { ApiError } from '../../errors/api-error';
import { ListKeysRequestDto } from './list-keys.request.dto';

@ApiTags('keys')
@ApiBearerAuth()
@Controller('v1/keys')
export class ListKeysHttpController {
  constructor(private readonly keys: KeyQueries) {}

  @Get()
  @RequirePermission('api_keys:read')
  async list(@Query() query: ListKeysRequestDto, @CurrentPrincipal() principal: Principal): Promise<KeyPage> {
    try {
      return await this.keys.list(principal.workspaceId, { ...query, limit: query.limit ?? 20 });
    } catch (error) {
      if (error instanceof InvalidCursorError) {
        throw new ApiError(ErrorCodes.validationFailed, 'the request is not valid', [{ field: 'cursor', message: error.message }]);
      }
      throw error;
    }
  }
}
