import { Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import type { ChainReport } from '@keyward/contracts';
import type { EventStore } from '@keyward/event-store';
import { EVENT_STORE, READ_MODEL_DATA_SOURCE } from '@keyward/platform';
import { checkEventChain, UnchainedPositionError } from '@keyward/read-models';
import { RootOnly } from '../../auth/root-only.decorator';
import { ApiError } from '../../errors/api-error';
import { AdminController } from '../../http/admin-controller.decorator';
import { ChainRangeRequestDto } from '../chain-range.request.dto';
import { ChainReportDto } from '../chain-report.response.dto';

const sequenceNumber = (value: string | undefined): bigint | undefined => (value === undefined ? undefined : BigInt(value));

@AdminController('audit', 'v1/audit/chain')
export class CheckChainHttpController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  /**
   * The whole installation's history: the chain is one, across workspaces, so its check is the
   * operator's. A workspace's auditor would otherwise be told of other workspaces' events (the
   * first bad position and reason may be theirs) and could not act on it.
   */
  @Get()
  @RootOnly()
  @ApiOkResponse({ type: ChainReportDto, description: 'the first position where an event was altered, removed, inserted or reordered, and the head hash' })
  async check(@Query() query: ChainRangeRequestDto): Promise<ChainReport> {
    try {
      return await checkEventChain(this.store, this.dataSource.manager, { from: sequenceNumber(query.from), to: sequenceNumber(query.to) });
    } catch (error) {
      if (error instanceof UnchainedPositionError) {
        throw ApiError.invalid([{ field: query.from === String(error.position) ? 'from' : 'to', message: 'no chained event has this position' }]);
      }
      throw error;
    }
  }
}
