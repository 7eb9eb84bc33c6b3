import { ApiProperty } from '@nestjs/swagger';
import type { CredentialSharing } from '@keyward/contracts';
import { MAX_SHARED_PRINCIPALS } from '@keyward/domain';
import { IsPrincipalIdList } from './credential.validators';

/** Who may use the credential besides its owner. Sharing with anyone needs the enterprise plan. */
export class CredentialSharingRequestDto implements CredentialSharing {
  @ApiProperty({ type: [String], maxItems: MAX_SHARED_PRINCIPALS, example: ['key_4f9Qm2Xc8Lr7Tz1Wv6Yb3Nd0'], description: 'key ids of this workspace' })
  @IsPrincipalIdList()
  keys!: string[];

  @ApiProperty({ type: [String], maxItems: MAX_SHARED_PRINCIPALS, example: ['read-only'], description: 'role ids of this workspace (or built-in)' })
  @IsPrincipalIdList()
  roles!: string[];
}
