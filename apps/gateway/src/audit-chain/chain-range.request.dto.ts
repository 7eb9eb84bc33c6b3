import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

const SEQUENCE_NUMBER = /^\d{1,18}$/;

/** A part of the chain to check, by the global sequence numbers of chained events; both included. */
export class ChainRangeRequestDto {
  @ApiPropertyOptional({ pattern: SEQUENCE_NUMBER.source, example: '1', description: 'the first event to check; default: the first chained event' })
  @IsOptional()
  @Matches(SEQUENCE_NUMBER, { message: 'must be the global sequence number of an event' })
  from?: string;

  @ApiPropertyOptional({ pattern: SEQUENCE_NUMBER.source, example: '100000', description: "the last event to check; default: the chain's head" })
  @IsOptional()
  @Matches(SEQUENCE_NUMBER, { message: 'must be the global sequence number of an event' })
  to?: string;
}
