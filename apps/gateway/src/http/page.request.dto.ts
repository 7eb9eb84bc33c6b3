import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { InvalidCursorError } from '@keyward/read-models';
import { ApiError } from '../errors/api-error';

export const DEFAULT_PAGE_SIZE = 20;

/**
 * An optional page size from 1 to `max`. Query values are strings; a non-number becomes NaN and
 * fails IsInt. Listed in the order stacked decorators would run (bottom-up), so IsInt reports first.
 */
export const PageLimit = (max: number, defaultSize: number): PropertyDecorator =>
  applyDecorators(IsInt(), Min(1), Max(max), Type(() => Number), IsOptional(), ApiPropertyOptional({ minimum: 1, maximum: max, default: defaultSize }));

/** Keyset pagination, for every list that can grow without bound. */
export class PageRequestDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @MaxLength(500)
  @IsString()
  cursor?: string;

  @PageLimit(100, DEFAULT_PAGE_SIZE)
  limit?: number;
}

/** Reads one page; a cursor this API did not hand out is the caller's error (in query field `field`), not ours. */
export const readPage = async <Page>(read: () => Promise<Page>, field = 'cursor'): Promise<Page> => {
  try {
    return await read();
  } catch (error) {
    if (error instanceof InvalidCursorError) throw ApiError.invalid([{ field, message: `${field} must be a cursor this API returned` }]);
    throw error;
  }
};
