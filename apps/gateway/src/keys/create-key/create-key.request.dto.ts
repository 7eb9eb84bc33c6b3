import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsISO8601, IsOptional, IsString, Length } from 'class-validator';
import type { KeyEnvironment, ResourcePermissions } from '@keyward/contracts';
import { IsFutureDateTime, IsResourcePermissions } from '../key.validators';

export class CreateKeyRequestDto {
  @ApiProperty({ example: 'orders service', maxLength: 100 })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({ example: '2027-01-01T00:00:00Z', description: 'ISO 8601; the key answers EXPIRED from then on' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @IsFutureDateTime()
  expiresAt?: string;

  @ApiPropertyOptional({ enum: ['live', 'test'], default: 'live' })
  @IsOptional()
  @IsIn(['live', 'test'])
  environment?: KeyEnvironment;

  @ApiPropertyOptional({ type: [String], example: ['read-only'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  roles?: string[];

  @ApiPropertyOptional({ example: { calls: 'read', contacts: 'write' }, description: 'per resource: none, read or write' })
  @IsOptional()
  @IsResourcePermissions()
  permissions?: ResourcePermissions;

  @ApiPropertyOptional({ description: 'full access, like an admin key (the default when no restriction is given)' })
  @IsOptional()
  @IsBoolean()
  unrestricted?: boolean;
}
