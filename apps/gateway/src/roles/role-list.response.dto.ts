import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { RoleViewDto } from './role.response.dto';

/** A workspace has few roles, so one list, no pages. */
@ApiSchema({ name: 'RoleList' })
export class RoleListDto {
  @ApiProperty({ type: [RoleViewDto] })
  readonly items!: RoleViewDto[];
}
