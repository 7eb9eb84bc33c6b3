import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { ApiKeyUserPage } from '@keyward/read-models';
import { ApiKeyUserDto } from './api-key-user.response.dto';

@ApiSchema({ name: 'ApiKeyUserPage' })
export class ApiKeyUserPageDto implements ApiKeyUserPage {
  @ApiProperty({ type: [ApiKeyUserDto] })
  readonly items!: ApiKeyUserDto[];

  @ApiProperty({ type: String, nullable: true, description: 'pass as `cursor` for the next page; null on the last' })
  readonly nextCursor!: string | null;
}
