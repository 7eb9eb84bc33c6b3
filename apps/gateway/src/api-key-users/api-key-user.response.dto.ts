import { ApiProperty, ApiSchema, PickType } from '@nestjs/swagger';
import type { ApiKeyUserView } from '@keyward/contracts';
import { KeyViewDto } from '../keys/key.response.dto';

@ApiSchema({ name: 'ApiKeyUser', description: 'a key as its own principal (a service account): in no group, never a human seat' })
export class ApiKeyUserDto extends PickType(KeyViewDto, ['id', 'name', 'status', 'roles', 'permissions', 'shares'] as const) implements ApiKeyUserView {
  @ApiProperty({ enum: ['api_key'] })
  readonly type!: 'api_key';

  @ApiProperty({ example: 'key_4f9a2c7e1b3d5f60a8c9e2d1' })
  readonly keyId!: string;

  @ApiProperty()
  readonly unrestricted!: boolean;

  @ApiProperty({ type: [String], maxItems: 0, description: 'always empty' })
  readonly groups!: string[];

  @ApiProperty({ enum: [false] })
  readonly humanSeat!: false;
}
