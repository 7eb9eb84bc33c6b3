import { ApiProperty, ApiPropertyOptional, ApiSchema, PickType } from '@nestjs/swagger';
import type { CreateKeyResult } from '@keyward/contracts';
import { SECRET_ALREADY_SHOWN } from '../../idempotency/secret-already-shown.schema';
import { KeyViewDto } from '../key.response.dto';

/** `CreateKeyAnswer`: the new key with its secret, or, to a repeat of the request, `key: null` and `secretAlreadyShown`. */
@ApiSchema({ name: 'CreateKeyResult' })
export class CreateKeyResultDto
  extends PickType(KeyViewDto, ['id', 'prefix', 'name', 'environment', 'createdAt', 'expiresAt', 'roles', 'permissions', 'ratelimit', 'ipAllowlist', 'credits', 'ratelimits', 'meta', 'identityId'] as const)
  implements Omit<CreateKeyResult, 'key'>
{
  @ApiProperty({ type: String, nullable: true, example: 'kw_live_…', description: 'the secret, shown this once; null when a repeat of the request (Idempotency-Key) answers' })
  readonly key!: string | null;

  @ApiProperty({ description: 'full access, like an admin key' })
  readonly unrestricted!: boolean;

  @ApiPropertyOptional(SECRET_ALREADY_SHOWN)
  readonly secretAlreadyShown?: true;
}
