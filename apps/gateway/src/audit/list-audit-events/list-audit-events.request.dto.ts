import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
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
