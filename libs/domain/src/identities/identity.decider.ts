import type { IdentityEvent } from '@keyward/contracts';
import type { Decider } from '../decider';
import { decideIdentity } from './decide-identity';
import { evolveIdentity } from './evolve-identity';
import type { IdentityCommand } from './identity.commands';
import { initialIdentityState, type IdentityState } from './identity.state';

/** The identity aggregate (stream `identity-<id>`) as one decider. */
export const identityDecider: Decider<IdentityCommand, IdentityEvent, IdentityState> = {
  decide: decideIdentity,
  evolve: evolveIdentity,
  initialState: () => initialIdentityState,
};
