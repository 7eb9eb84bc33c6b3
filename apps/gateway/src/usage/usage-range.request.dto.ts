import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import { UsageGranularities, type UsageGranularity } from '@keyward/contracts';
import { usageRangeOf, type UsageRange } from '@keyward/domain';
import { ApiError } from '../errors/api-error';

/** A usage report's range; `usageRange` checks what one field alone cannot (order, span). */
export class UsageRangeRequestDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'the report starts with the bucket holding this time; default: a day (hours) or 30 days (days) before `to`' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'the report ends before this time; default: now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ enum: UsageGranularities, default: 'hour', description: 'at most 31 days of hours or 366 days of days' })
  @IsOptional()
  @IsIn(UsageGranularities)
  granularity?: UsageGranularity;
}

/** The range the request names, or a 400 in the section 7 format. */
export const usageRange = (request: UsageRangeRequestDto, now = new Date()): UsageRange => {
  const range = usageRangeOf(request, now);
  if ('field' in range) throw ApiError.invalid([{ field: range.field, message: range.message }]);
  return range;
};
