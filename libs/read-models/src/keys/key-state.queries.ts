import type { DataSource } from 'typeorm';
import { keyStreamId, type KeyEvent, type KeyView } from '@keyward/contracts';
import { keyDecider } from '@keyward/domain';
import type { EventStore } from '@keyward/event-store';
import { creditsViewOf, type CreditBalances } from '../credits/credit-balances';
import { foldUntil } from '../history/fold-until';
import { KeyUsageRow } from '../usage/key-usage-row.entity';
import { staleAfterDaysOf } from './key-queries';
import { keyUsageOf, keyViewOfState } from './key-view.mapping';

/**
 * One key as its own history says it is now: the domain's `evolve` over the key's stream. It
 * shows a write the moment it is committed, whether or not the projector has caught up, so the
 * writer's next read of the key sees its write (product.md section 5). Usage is not in the history
 * and comes from the usage table.
 */
export class KeyStateQueries {
  /** `balances`: where live credit balances are read (the gateway); without, credits show as set. */
  constructor(
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    private readonly balances?: CreditBalances,
  ) {}

  /**
   * A key of another workspace, or a deleted one, is as unknown as one that never existed. With
   * `asOf`, the key as its events up to that moment made it, and its status at that moment (a key
   * created later is unknown then); usage is not in the history and is always today's.
   */
  async get(workspaceId: string, keyId: string, now = new Date(), asOf?: Date): Promise<KeyView | undefined> {
    const [stream, usage, staleAfterDays] = await Promise.all([
      this.store.readStream<KeyEvent>(keyStreamId(keyId)),
      this.dataSource.getRepository(KeyUsageRow).findOneBy({ workspaceId, keyId }),
      staleAfterDaysOf(this.dataSource, workspaceId),
    ]);
    const state = foldUntil(stream.events, keyDecider.evolve, keyDecider.initialState(), asOf?.getTime() ?? Infinity);
    if (state.status === 'absent' || state.deletedAt !== null || state.workspaceId !== workspaceId) return undefined;
    const view = keyViewOfState(state, keyUsageOf(usage), asOf ?? now, staleAfterDays);
    // At a past moment, the balance as it was set: what verifies spent is not in the history.
    if (asOf !== undefined || view.credits === null) return view;
    return { ...view, credits: await creditsViewOf(this.balances, keyId, state.credits, state.creditsGeneration, state.creditsSetAt, now.getTime()) };
  }
}
