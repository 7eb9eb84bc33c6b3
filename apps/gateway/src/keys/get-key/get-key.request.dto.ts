import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsZonedDateTime } from '../../validation/field.validators';

/** `GET /v1/keys/:id?asOf=`: the key at a past moment (product.md section 7). */
export class GetKeyRequestDto {
  @ApiPropertyOptional({ format: 'date-time', example: '2026-11-23T10:00:00Z', description: 'the key as its history made it at that moment, with its status then; usage is always today’s' })
  @IsOptional()
  @IsZonedDateTime()
  asOf?: string;
}
