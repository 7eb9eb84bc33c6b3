import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { InvalidCursorError } from '@keyward/read-models';
import { ApiError } from '../errors/api-error';

export const DEFAULT_PAGE_SIZE = 20;

/** Keyset pagination, for every list that can grow without bound. */
export class PageRequestDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @MaxLength(500)
  @IsString()
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  // Query values are strings; a non-number becomes NaN and fails @IsInt.
  @Type(() => Number)
  @Max(100)
  @Min(1)
  @IsInt()
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
