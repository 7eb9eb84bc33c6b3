import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Plans, type Plan, type WorkspaceView } from '@keyward/contracts';
import { EntitlementsDto } from './entitlements.response.dto';
import { WorkspaceSettingsViewDto } from './workspace-settings.response.dto';

@ApiSchema({ name: 'WorkspaceView', description: 'a workspace, its settings and what its plan allows' })
export class WorkspaceViewDto implements WorkspaceView {
  @ApiProperty({ example: 'ws_7Hk2Lm9Pq4Rs8Tv1Wx3Y' })
  readonly id!: string;

  @ApiProperty({ example: 'acme' })
  readonly name!: string;

  @ApiProperty({ enum: Plans })
  readonly plan!: Plan;

  @ApiProperty({ type: WorkspaceSettingsViewDto })
  readonly settings!: WorkspaceSettingsViewDto;

  @ApiProperty({ type: EntitlementsDto })
  readonly entitlements!: EntitlementsDto;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null for `default`, which exists without an event' })
  readonly createdAt!: string | null;
}
