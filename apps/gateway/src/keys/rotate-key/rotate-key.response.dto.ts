import { ApiProperty, ApiPropertyOptional, ApiSchema, PickType } from '@nestjs/swagger';
import type { RotateKeyResult } from '@keyward/contracts';
import { SECRET_ALREADY_SHOWN } from '../../idempotency/secret-already-shown.schema';
import { KeyViewDto } from '../key.response.dto';

/** `RotateKeyAnswer`: the new secret, or, to a repeat of the request, `key: null` and `secretAlreadyShown`. */
@ApiSchema({ name: 'RotateKeyResult' })
export class RotateKeyResultDto extends PickType(KeyViewDto, ['id', 'prefix'] as const) implements Omit<RotateKeyResult, 'key'> {
  @ApiProperty({ type: String, nullable: true, description: 'the new secret, shown this once; null when a repeat of the request (Idempotency-Key) answers' })
  readonly key!: string | null;

  @ApiProperty({ type: String, format: 'date-time', description: 'until then the previous secret still verifies' })
  readonly previousKeyExpiresAt!: string;

  @ApiPropertyOptional(SECRET_ALREADY_SHOWN)
  readonly secretAlreadyShown?: true;
}
