import { credentialStreamId, type CredentialEvent } from '@keyward/contracts';
import { credentialDecider, type ExistingCredential } from '@keyward/domain';
import type { EventStore } from '@keyward/event-store';

/**
 * One credential as its own history says it is now: the domain's `evolve` over its stream. It
 * shows a write the moment it is committed, whether or not the projector has caught up: writes
 * answer from it, and the broker decides on it (owner, sharing, hosts, the sealed value to open).
 */
export class CredentialStateQueries {
  constructor(private readonly store: EventStore) {}

  /** `undefined` for an unknown or deleted credential and for another workspace's, alike. */
  async get(workspaceId: string, credentialId: string): Promise<ExistingCredential | undefined> {
    const { events } = await this.store.readStream<CredentialEvent>(credentialStreamId(credentialId));
    const state = events.reduce(credentialDecider.evolve, credentialDecider.initialState());
    return state.status === 'active' && state.workspaceId === workspaceId ? state : undefined;
  }
}
