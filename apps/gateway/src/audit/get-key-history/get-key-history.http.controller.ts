import { Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { ErrorCodes, type AuditEventPage } from '@keyward/contracts';
import { AuditEventQueries } from '@keyward/read-models';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/principal';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { ApiErrors } from '../../errors/api-errors.decorator';
import { AdminController } from '../../http/admin-controller.decorator';
import { DEFAULT_PAGE_SIZE, PageRequestDto, readPage } from '../../http/page.request.dto';
import { KeyIdPipe, keyNotFound } from '../../keys/key-id.pipe';
import { AuditEventPageDto } from '../audit-event.response.dto';

@AdminController('keys', 'v1/keys')
export class GetKeyHistoryHttpController {
  constructor(private readonly audit: AuditEventQueries) {}

  /** A deleted key's history stays readable; another workspace's key is unknown here. */
  @Get(':id/history')
  @RequirePermission('audit:read')
  @ApiOkResponse({ type: AuditEventPageDto, description: "the key's events, oldest first; never a secret or its hash" })
  @ApiErrors(ErrorCodes.keyNotFound)
  async get(@Param('id', KeyIdPipe) keyId: string, @Query() query: PageRequestDto, @CurrentPrincipal() principal: Principal): Promise<AuditEventPage> {
    const page = await readPage(() => this.audit.keyHistory(principal.workspaceId, keyId, { after: query.cursor, limit: query.limit ?? DEFAULT_PAGE_SIZE }));
    if (!page) throw keyNotFound();
    return page;
  }
}
