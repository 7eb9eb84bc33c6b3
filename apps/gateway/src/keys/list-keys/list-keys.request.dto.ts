import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { KeyEnvironments, type KeyEnvironment, type KeyStatus } from '@keyward/contracts';

const STATUSES: readonly KeyStatus[] = ['active', 'expired', 'revoked'];

export const DEFAULT_PAGE_SIZE = 20;

/** Rules run bottom-up; only the first failure per field is reported. */
export class ListKeysRequestDto {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: KeyStatus;

  @ApiPropertyOptional({ enum: KeyEnvironments })
  @IsOptional()
  @IsIn(KeyEnvironments)
  environment?: KeyEnvironment;

  @ApiPropertyOptional({ maxLength: 100, description: 'part of the name, or the start of the prefix or id' })
  @IsOptional()
  @MaxLength(100)
  @IsString()
  search?: string;

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
