import { Get, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { AuditEventPage } from '@keyward/contracts';
import { AuditEventQueries } from '@keyward/read-models';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/principal';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { AdminController } from '../../http/admin-controller.decorator';
import { readPage } from '../../http/page.request.dto';
import { AuditEventPageDto } from '../audit-event.response.dto';
import { auditFilterOf, DEFAULT_AUDIT_PAGE_SIZE, ListAuditEventsRequestDto } from './list-audit-events.request.dto';

@AdminController('audit', 'v1/audit')
export class ListAuditEventsHttpController {
  constructor(private readonly audit: AuditEventQueries) {}

  /** The caller's workspace only (the root key's is `default`), in global order. */
  @Get('events')
  @RequirePermission('audit:read')
  @ApiOkResponse({ type: AuditEventPageDto, description: "the workspace's events in global order; never a secret or its hash" })
  async list(@Query() query: ListAuditEventsRequestDto, @CurrentPrincipal() principal: Principal): Promise<AuditEventPage> {
    const filter = auditFilterOf(query);
    return readPage(() => this.audit.events(principal.workspaceId, filter, { after: query.after, limit: query.limit ?? DEFAULT_AUDIT_PAGE_SIZE }), 'after');
  }
}
