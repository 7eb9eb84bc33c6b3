import { ApiProperty } from '@nestjs/swagger';
import { IsRoleIdList, MAX_ROLES_PER_KEY } from '../../validation/field.validators';

export class SetKeyRolesRequestDto {
  @ApiProperty({ type: [String], maxItems: MAX_ROLES_PER_KEY, example: ['read-only'], description: 'the complete new list; [] removes every role; an unrestricted key becomes restricted' })
  @IsRoleIdList()
  roles!: string[];
}
