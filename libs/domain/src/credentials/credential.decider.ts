import type { CredentialEvent } from '@keyward/contracts';
import type { Decider } from '../decider';
import { decideCredential } from './decide-credential';
import { evolveCredential } from './evolve-credential';
import type { CredentialCommand } from './credential.commands';
import { initialCredentialState, type CredentialState } from './credential.state';

/** The credential aggregate (stream `credential-<id>`) as one decider. */
export const credentialDecider: Decider<CredentialCommand, CredentialEvent, CredentialState> = {
  decide: decideCredential,
  evolve: evolveCredential,
  initialState: () => initialCredentialState,
};
