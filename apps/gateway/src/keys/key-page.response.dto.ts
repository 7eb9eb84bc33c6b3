import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { KeyPage } from '@keyward/contracts';
import { KeyViewDto } from './key.response.dto';

@ApiSchema({ name: 'KeyPage' })
export class KeyPageDto implements KeyPage {
  @ApiProperty({ type: [KeyViewDto] })
  readonly items!: KeyViewDto[];

  @ApiProperty({ type: String, nullable: true, description: 'pass as `cursor` for the next page; null on the last' })
  readonly nextCursor!: string | null;
}
