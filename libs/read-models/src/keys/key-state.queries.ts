import type { DataSource } from 'typeorm';
import { keyStreamId, type KeyEvent, type KeyView } from '@keyward/contracts';
import { keyDecider } from '@keyward/domain';
import type { EventStore } from '@keyward/event-store';
import { KeyUsageRow } from '../usage/key-usage-row.entity';
import { DEFAULT_USAGE_MARK_SETTINGS } from './key-queries';
import { keyUsageOf, keyViewOfState } from './key-view.mapping';

/**
 * One key as its own history says it is now: the domain's `evolve` over the key's stream. It
 * shows a write the moment it is committed, whether or not the projector has caught up, so the
 * writer's next read of the key sees its write (product.md section 5). Usage is not in the history
 * and comes from the usage table.
 */
export class KeyStateQueries {
  constructor(
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
  ) {}

  /** A key of another workspace, or a deleted one, is as unknown as one that never existed. */
  async get(workspaceId: string, keyId: string, now = new Date(), settings = DEFAULT_USAGE_MARK_SETTINGS): Promise<KeyView | undefined> {
    const [stream, usage] = await Promise.all([
      this.store.readStream<KeyEvent>(keyStreamId(keyId)),
      this.dataSource.getRepository(KeyUsageRow).findOneBy({ workspaceId, keyId }),
    ]);
    const state = stream.events.reduce(keyDecider.evolve, keyDecider.initialState());
    if (state.status === 'absent' || state.deletedAt !== null || state.workspaceId !== workspaceId) return undefined;
    return keyViewOfState(state, keyUsageOf(usage), now, settings.staleAfterDays);
  }
}
