import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { RoleView } from '@keyward/contracts';

@ApiSchema({ name: 'RoleView', description: 'a role; the built-ins (admin, read-only) are listed in every workspace' })
export class RoleViewDto implements RoleView {
  @ApiProperty({ example: 'role_7Hk2Lm9Pq4Rs8Tv1Wx3Y' })
  readonly id!: string;

  @ApiProperty({ example: 'default' })
  readonly workspaceId!: string;

  @ApiProperty({ example: 'calls reader' })
  readonly name!: string;

  @ApiProperty({ example: 'reads call records' })
  readonly description!: string;

  @ApiProperty({ type: [String], example: ['calls:read'] })
  readonly permissions!: string[];

  @ApiProperty()
  readonly builtIn!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null for a built-in role' })
  readonly createdAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null for a built-in role' })
  readonly updatedAt!: string | null;
}
