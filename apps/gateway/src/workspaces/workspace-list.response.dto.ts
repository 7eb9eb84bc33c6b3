import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { WorkspaceViewDto } from './workspace.response.dto';

@ApiSchema({ name: 'WorkspaceList' })
export class WorkspaceListDto {
  @ApiProperty({ type: [WorkspaceViewDto] })
  readonly items!: WorkspaceViewDto[];
}
