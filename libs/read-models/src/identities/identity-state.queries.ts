import { identityStreamId, type IdentityEvent } from '@keyward/contracts';
import { identityDecider } from '@keyward/domain';
import type { EventStore } from '@keyward/event-store';
import { identityRecordOfState, type IdentityRecord } from './identity-record';

/** One identity as its own history says it is now: writes answer from it whether or not the projector caught up. */
export class IdentityStateQueries {
  constructor(private readonly store: EventStore) {}

  /** `undefined` for an unknown or deleted identity and for another workspace's, alike. */
  async get(workspaceId: string, identityId: string): Promise<IdentityRecord | undefined> {
    const { events } = await this.store.readStream<IdentityEvent>(identityStreamId(identityId));
    const state = events.reduce(identityDecider.evolve, identityDecider.initialState());
    return state.status === 'active' && state.workspaceId === workspaceId ? identityRecordOfState(state) : undefined;
  }
}
