import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_GRACE_PERIOD_SECONDS } from '@keyward/domain';

export class RotateKeyRequestDto {
  @ApiPropertyOptional({ minimum: 0, maximum: MAX_GRACE_PERIOD_SECONDS, default: 0, description: 'how long the old secret keeps working (seconds)' })
  @IsOptional()
  @Max(MAX_GRACE_PERIOD_SECONDS)
  @Min(0)
  @IsInt()
  gracePeriodSeconds?: number;
}
