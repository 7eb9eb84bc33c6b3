import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { KeyEnvironment, KeyStatus } from '@keyward/contracts';

export class ListKeysRequestDto {
  @ApiPropertyOptional({ enum: ['active', 'expired', 'revoked'] })
  @IsOptional()
  @IsIn(['active', 'expired', 'revoked'])
  status?: KeyStatus;

  @ApiPropertyOptional({ enum: ['live', 'test'] })
  @IsOptional()
  @IsIn(['live', 'test'])
  environment?: KeyEnvironment;

  @ApiPropertyOptional({ description: 'part of the name, or the start of the prefix or id' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}
