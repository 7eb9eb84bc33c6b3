import { Module } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { EVENT_STORE, READ_MODEL_DATA_SOURCE } from '@keyward/platform';
import type { EventStore } from '@keyward/event-store';
import { AuditEventQueries } from '@keyward/read-models';
import { GetKeyHistoryHttpController } from './get-key-history/get-key-history.http.controller';
import { ListAuditEventsHttpController } from './list-audit-events/list-audit-events.http.controller';

/** Auditors read the history itself (product.md section 9.6), through the event store's port. */
@Module({
  controllers: [ListAuditEventsHttpController, GetKeyHistoryHttpController],
  providers: [
    {
      provide: AuditEventQueries,
      inject: [EVENT_STORE, READ_MODEL_DATA_SOURCE],
      useFactory: (store: EventStore, dataSource: DataSource) => new AuditEventQueries(store, dataSource),
    },
  ],
})
export class AuditModule {}
