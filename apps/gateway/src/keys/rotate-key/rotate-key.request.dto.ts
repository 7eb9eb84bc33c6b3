import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class RotateKeyRequestDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 604_800, default: 0, description: 'how long the old secret keeps working' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(604_800)
  gracePeriodSeconds?: number;
}
