import { workspaceStreamId, type WorkspaceEvent } from '@keyward/contracts';
import { workspaceDecider } from '@keyward/domain';
import type { EventStore } from '@keyward/event-store';
import type { WorkspaceRecord } from './workspace-record.mapping';

/**
 * One workspace as its own history says it is now: the domain's `evolve` over its stream, so a
 * workspace write answers the same shape every time, whether or not the projector has caught up.
 */
export class WorkspaceStateQueries {
  constructor(private readonly store: EventStore) {}

  /** `undefined` for an unknown workspace; `default` exists without an event. */
  async get(workspaceId: string): Promise<WorkspaceRecord | undefined> {
    const { events } = await this.store.readStream<WorkspaceEvent>(workspaceStreamId(workspaceId));
    const decider = workspaceDecider(workspaceId);
    const state = events.reduce(decider.evolve, decider.initialState());
    if (state.status === 'absent') return undefined;
    const created = events.find((event) => event.type === 'WorkspaceCreated');
    return { id: workspaceId, name: state.name, plan: state.plan, settings: state.settings, createdAt: created?.type === 'WorkspaceCreated' ? created.data.createdAt : null };
  }
}
