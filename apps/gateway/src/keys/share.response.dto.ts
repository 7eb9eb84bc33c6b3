import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { Share } from '@keyward/contracts';

export const SHARE_ACCESS: readonly Share['access'][] = ['read', 'write'];

@ApiSchema({ name: 'Share', description: 'one resource instance shared with a key' })
export class ShareDto implements Share {
  @ApiProperty({ example: 'workflows' })
  readonly resource!: string;

  @ApiProperty({ example: 'wf_42' })
  readonly resourceId!: string;

  @ApiProperty({ enum: SHARE_ACCESS })
  readonly access!: Share['access'];
}
