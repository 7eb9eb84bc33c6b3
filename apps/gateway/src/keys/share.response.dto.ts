import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { Share } from '@keyward/contracts';
import { PERMISSION_ACTIONS } from '@keyward/domain';

@ApiSchema({ name: 'Share', description: 'one resource instance shared with a key' })
export class ShareDto implements Share {
  @ApiProperty({ example: 'workflows' })
  readonly resource!: string;

  @ApiProperty({ example: 'wf_42' })
  readonly resourceId!: string;

  @ApiProperty({ enum: PERMISSION_ACTIONS })
  readonly access!: Share['access'];
}
