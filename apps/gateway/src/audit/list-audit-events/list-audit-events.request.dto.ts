import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import type { AuditEventFilter } from '@keyward/read-models';
import { ApiError } from '../../errors/api-error';
import { PageLimit } from '../../http/page.request.dto';

export const DEFAULT_AUDIT_PAGE_SIZE = 100;

/** The filters of `GET /v1/audit/events` (product.md section 7); rules run bottom-up. */
export class ListAuditEventsRequestDto {
  @ApiPropertyOptional({ example: '1234.567', description: 'a `position` or `nextCursor` this API returned: events after it' })
  @IsOptional()
  @MaxLength(50)
  @IsString()
  after?: string;

  @ApiPropertyOptional({ maxLength: 200, example: 'key-3f0c2a9e-8a4b-4f1e-9c2d-7b6a5e4d3c2b', description: 'one stream only' })
  @IsOptional()
  @MaxLength(200)
  @IsString()
  stream?: string;

  @ApiPropertyOptional({ maxLength: 100, example: 'KeyRevoked', description: 'one event type only' })
  @IsOptional()
  @MaxLength(100)
  @IsString()
  type?: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'one actor only: a key id, `root` or `system`' })
  @IsOptional()
  @MaxLength(100)
  @IsString()
  actor?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'events that occurred at or after this time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'events that occurred before this time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @PageLimit(1000, DEFAULT_AUDIT_PAGE_SIZE)
  limit?: number;
}

const dateOf = (iso: string | undefined): Date | undefined => (iso === undefined ? undefined : new Date(iso));

/** The filter the request names, or a 400 in the section 7 format for a range that ends before it starts. */
export const auditFilterOf = (query: ListAuditEventsRequestDto): AuditEventFilter => {
  const from = dateOf(query.from);
  const to = dateOf(query.to);
  if (from && to && from > to) throw ApiError.invalid([{ field: 'to', message: 'to must not be before from' }]);
  return { streamId: query.stream, type: query.type, actor: query.actor, from, to };
};
