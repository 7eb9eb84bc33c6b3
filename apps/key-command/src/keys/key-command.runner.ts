import { Inject, Injectable } from '@nestjs/common';
import { keyStreamId, type CommandContext, type KeyEvent } from '@keyward/contracts';
import { evolveKey, initialKeyState, type KeyState } from '@keyward/domain';
import type { EventStore } from '@keyward/event-store';
import { positionToToken } from '@keyward/event-store';
import { EVENT_STORE } from '@keyward/platform';
import { AppendedPublisher } from '../commands/appended.publisher';
import { eventMetadata } from '../commands/event-metadata';
import { handleCommand } from '../commands/handle-command';

export interface KeyCommandOutcome {
  readonly events: readonly KeyEvent[];
  readonly state: KeyState;
  readonly position: string;
}

const keyDecider = { initialState: () => initialKeyState, evolve: evolveKey };

/** Runs one decision on a key stream and tells the followers about it. */
@Injectable()
export class KeyCommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly appended: AppendedPublisher,
  ) {}

  async run(
    keyId: string,
    context: CommandContext,
    decide: (state: KeyState, now: Date) => readonly KeyEvent[],
    retriesOnConflict = 0,
  ): Promise<KeyCommandOutcome> {
    const now = new Date();
    const handled = await handleCommand(this.store, keyStreamId(keyId), keyDecider, (state) => decide(state, now), {
      metadata: eventMetadata(context, now),
      retriesOnConflict,
    });
    this.appended.publish(handled.position);
    return { events: handled.events, state: handled.state, position: positionToToken(handled.position) };
  }
}
