import { ApiProperty, ApiSchema } from '@nestjs/swagger';

export type LeakLabel = 'true_positive' | 'false_positive';

/** GitHub's answer shape for one reported token. */
@ApiSchema({ name: 'LeakVerdict' })
export class LeakVerdictDto {
  @ApiProperty({ example: 'a3f1…', description: 'hex SHA-256 of the token as reported' })
  readonly token_hash!: string;

  @ApiProperty({ example: 'keyward_api_key', description: "the entry's type, as reported" })
  readonly token_type!: string;

  @ApiProperty({ enum: ['true_positive', 'false_positive'], description: 'true_positive: a real Keyward key (live, revoked or expired); false_positive: anything else' })
  readonly label!: LeakLabel;
}
