import { ApiProperty, ApiPropertyOptional, ApiSchema, PickType } from '@nestjs/swagger';
import type { CreateWorkspaceResult } from '@keyward/contracts';
import { SECRET_ALREADY_SHOWN } from '../../idempotency/secret-already-shown.schema';
import { WorkspaceViewDto } from '../workspace.response.dto';

/** `CreateWorkspaceAnswer`: the first admin key's secret, or, to a repeat of the request, `adminKey: null` and `secretAlreadyShown`. */
@ApiSchema({ name: 'CreateWorkspaceResult' })
export class CreateWorkspaceResultDto extends PickType(WorkspaceViewDto, ['id', 'name', 'plan'] as const) implements Omit<CreateWorkspaceResult, 'adminKey'> {
  @ApiProperty({ type: String, nullable: true, description: "the first admin key's secret, shown this once; null when a repeat of the request (Idempotency-Key) answers" })
  readonly adminKey!: string | null;

  @ApiProperty({ example: 'key_4f9a2c7e1b3d5f60a8c9e2d1' })
  readonly adminKeyId!: string;

  @ApiPropertyOptional(SECRET_ALREADY_SHOWN)
  readonly secretAlreadyShown?: true;
}
