import type { KeyEvent } from '@keyward/contracts';
import type { Decider } from '../decider';
import { decideKey } from './decide-key';
import { evolveKey } from './evolve-key';
import type { KeyCommand } from './key.commands';
import { initialKeyState, type KeyState } from './key.state';

/** The key aggregate (stream `key-<id>`) as one decider. */
export const keyDecider: Decider<KeyCommand, KeyEvent, KeyState> = {
  decide: decideKey,
  evolve: evolveKey,
  initialState: () => initialKeyState,
};
