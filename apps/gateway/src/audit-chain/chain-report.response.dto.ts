import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ChainBreaks, type ChainBreak, type ChainReport } from '@keyward/contracts';

@ApiSchema({ name: 'ChainHead', description: 'the last link checked: keep it elsewhere, and compare it with a later check' })
export class ChainHeadDto {
  @ApiProperty({ example: '100000', description: "the event's global sequence number" })
  readonly position!: string;

  @ApiProperty({ example: 'a3f1…', pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the previous hash and the canonical event, hex' })
  readonly hash!: string;
}

@ApiSchema({ name: 'ChainReport', description: 'the hash chain of the history, recomputed from the events and compared with the stored one (product.md 9.6)' })
export class ChainReportDto implements ChainReport {
  @ApiProperty()
  readonly ok!: boolean;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'links found intact, before the first bad one' })
  readonly checked!: number;

  @ApiProperty({ type: ChainHeadDto, nullable: true, description: 'null before any event was chained' })
  readonly head!: ChainHeadDto | null;

  @ApiPropertyOptional({ example: '4242', description: 'the first position where the history departs from the chain' })
  readonly firstBadPosition?: string;

  @ApiPropertyOptional({ enum: ChainBreaks, description: 'altered: the hash differs; removed: a chained event is gone; inserted: an event the chain never saw; reordered: events out of their chained order' })
  readonly reason?: ChainBreak;
}
