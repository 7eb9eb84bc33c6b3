import { ApiProperty, ApiSchema } from '@nestjs/swagger';

/** The one answer revoke-by-secret gives, whatever was sent. */
@ApiSchema({ name: 'RevokeLeakedAnswer' })
export class RevokeLeakedAnswerDto {
  @ApiProperty({ enum: ['accepted'] })
  readonly status!: 'accepted';

  @ApiProperty({ example: 'if this is a live Keyward key, it is revoked' })
  readonly message!: string;
}

export const REVOKE_LEAKED_ANSWER: RevokeLeakedAnswerDto = Object.freeze({ status: 'accepted', message: 'if this is a live Keyward key, it is revoked' });
