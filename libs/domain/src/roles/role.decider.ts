import type { RoleEvent } from '@keyward/contracts';
import type { Decider } from '../decider';
import { decideRole } from './decide-role';
import { evolveRole } from './evolve-role';
import type { RoleCommand } from './role.commands';
import { initialRoleState, type RoleState } from './role.state';

/** The role aggregate (stream `role-<id>`) as one decider. */
export const roleDecider: Decider<RoleCommand, RoleEvent, RoleState> = {
  decide: decideRole,
  evolve: evolveRole,
  initialState: () => initialRoleState,
};
