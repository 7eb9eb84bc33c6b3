import { Injectable } from '@nestjs/common';
import { IdempotencyStore } from '@keyward/idempotency';
import { BatchedPurge } from '../maintenance/batched-purge';

/** Deletes idempotency records past their 24 hours (reads ignore them already). */
@Injectable()
export class IdempotencyPurge extends BatchedPurge {
  constructor(store: IdempotencyStore) {
    super(store, IdempotencyPurge.name);
  }
}
