import { Inject, Injectable } from '@nestjs/common';
import { identityStreamId, type IdentityEvent } from '@keyward/contracts';
import { existingIdentity, identityDecider } from '@keyward/domain';
import type { EventStore } from '@keyward/event-store';
import { EVENT_STORE } from '@keyward/platform';

/**
 * For a key created with an identity: that identity must be live in the key's workspace, else
 * IDENTITY_NOT_FOUND, alike for an unknown, a deleted and another workspace's. Read once, not
 * held by the key's append (a decision rests on one other stream, the workspace): an identity
 * deleted meanwhile leaves a key that answers DISABLED (fail closed).
 */
@Injectable()
export class LiveIdentities {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async require(workspaceId: string, identityId: string): Promise<void> {
    const { events } = await this.store.readStream<IdentityEvent>(identityStreamId(identityId));
    existingIdentity(events.reduce(identityDecider.evolve, identityDecider.initialState()), { identityId, workspaceId });
  }
}
