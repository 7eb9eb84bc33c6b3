import { ApiProperty } from '@nestjs/swagger';
import { MAX_KEY_ROLES } from '@keyward/domain';
import { IsRoleIdList } from '../../validation/field.validators';

export class SetKeyRolesRequestDto {
  @ApiProperty({ type: [String], maxItems: MAX_KEY_ROLES, example: ['read-only'], description: 'the complete new list; [] removes every role; an unrestricted key becomes restricted' })
  @IsRoleIdList()
  roles!: string[];
}
