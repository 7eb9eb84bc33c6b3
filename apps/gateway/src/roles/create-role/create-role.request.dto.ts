import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MAX_NAME_LENGTH, MAX_ROLE_DESCRIPTION_LENGTH, MAX_ROLE_PERMISSIONS } from '@keyward/domain';
import { IsDisplayName, IsPermission } from '../../validation/field.validators';

/** Rules run bottom-up; only the first failure per field is reported. */
export class CreateRoleRequestDto {
  @ApiProperty({ example: 'Support agent', minLength: 1, maxLength: MAX_NAME_LENGTH, description: 'trimmed' })
  @IsDisplayName(MAX_NAME_LENGTH)
  name!: string;

  @ApiPropertyOptional({ maxLength: MAX_ROLE_DESCRIPTION_LENGTH })
  @IsOptional()
  @Matches(/^\P{Cc}*$/u, { message: 'description must not contain control characters' })
  @MaxLength(MAX_ROLE_DESCRIPTION_LENGTH)
  @IsString()
  description?: string;

  @ApiProperty({ type: [String], maxItems: MAX_ROLE_PERMISSIONS, example: ['calls:read', 'contacts:write'] })
  @IsPermission({ each: true })
  @ArrayMaxSize(MAX_ROLE_PERMISSIONS)
  @IsArray()
  permissions!: string[];
}
