import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { RevokeKeyResult } from '@keyward/contracts';

@ApiSchema({ name: 'RevokeKeyResult' })
export class RevokeKeyResultDto implements RevokeKeyResult {
  @ApiProperty({ example: 'key_4f9a2c7e1b3d5f60a8c9e2d1' })
  readonly id!: string;

  @ApiProperty({ enum: ['revoked'] })
  readonly status!: 'revoked';

  @ApiProperty({ type: String, format: 'date-time' })
  readonly revokedAt!: string;
}
