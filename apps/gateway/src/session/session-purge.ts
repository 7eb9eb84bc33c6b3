import { Injectable } from '@nestjs/common';
import { SessionStore } from '@keyward/sessions';
import { BatchedPurge } from '../maintenance/batched-purge';

/** Deletes ended console sessions, idle or too old (requests ignore them already). */
@Injectable()
export class SessionPurge extends BatchedPurge {
  constructor(store: SessionStore) {
    super(store, SessionPurge.name);
  }
}
