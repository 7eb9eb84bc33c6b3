import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import type { ResourcePermissions } from '@keyward/contracts';
import { ACCESS_LEVELS } from '@keyward/domain';
import { IsOmittable, IsResourcePermissions } from '../../validation/field.validators';

export class SetKeyPermissionsRequestDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', enum: [...ACCESS_LEVELS] },
    example: { calls: 'read', contacts: 'write' },
    description: 'the complete new direct permissions per resource type',
  })
  @IsResourcePermissions()
  permissions!: ResourcePermissions;

  @ApiPropertyOptional({ description: 'full access, like an admin key; false makes an unrestricted key restricted' })
  @IsOmittable()
  @IsBoolean()
  unrestricted?: boolean;
}
