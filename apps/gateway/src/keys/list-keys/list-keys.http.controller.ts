import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { KeyPage } from '@keyward/contracts';
import { InvalidCursorError, KeyQueries } from '@keyward/read-models';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/principal';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { ApiError } from '../../errors/api-error';
import { DEFAULT_PAGE_SIZE, ListKeysRequestDto } from './list-keys.request.dto';

@ApiTags('keys')
@ApiBearerAuth()
@Controller('v1/keys')
export class ListKeysHttpController {
  constructor(private readonly keys: KeyQueries) {}

  /** The caller's workspace only, newest first. */
  @Get()
  @RequirePermission('api_keys:read')
  @ApiOkResponse({ description: '{ items, nextCursor }; never a secret' })
  async list(@Query() query: ListKeysRequestDto, @CurrentPrincipal() principal: Principal): Promise<KeyPage> {
    try {
      return await this.keys.list(principal.workspaceId, { ...query, limit: query.limit ?? DEFAULT_PAGE_SIZE });
    } catch (error) {
      if (error instanceof InvalidCursorError) throw ApiError.invalid([{ field: 'cursor', message: 'cursor must be a nextCursor this API returned' }]);
      throw error;
    }
  }
}
