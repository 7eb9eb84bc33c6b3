import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { Entitlements } from '@keyward/contracts';

@ApiSchema({ name: 'Entitlements', description: "what the workspace's plan allows" })
export class EntitlementsDto implements Entitlements {
  @ApiProperty({ description: 'keys verify, and can be created' })
  readonly apiAccess!: boolean;

  @ApiProperty({ description: 'keys with roles or per-resource permissions rather than full access' })
  readonly restrictedKeys!: boolean;

  @ApiProperty()
  readonly customRoles!: boolean;

  @ApiProperty()
  readonly shares!: boolean;

  @ApiProperty()
  readonly credentialSharing!: boolean;
}
