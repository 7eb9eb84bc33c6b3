import type { KeyIndex } from '../key-index/key-index';
import { indexOf, restrictedKey, roleCreated, workspaceCreated, type CreatedKey } from './verifier-events';

/** A custom role: its id and what it grants. */
export interface RoleGrant {
  readonly roleId: string;
  readonly permissions: readonly string[];
}

/** Two enterprise workspaces, ws_a and ws_b, each with one custom role and one key holding it. */
export const keyInEachWorkspace = (a: RoleGrant, b: RoleGrant): { index: KeyIndex; inA: CreatedKey; inB: CreatedKey } => {
  const inA = restrictedKey([a.roleId], {}, 'ws_a');
  const inB = restrictedKey([b.roleId], {}, 'ws_b');
  const index = indexOf(
    workspaceCreated('ws_a', 'enterprise'),
    workspaceCreated('ws_b', 'enterprise'),
    roleCreated(a.roleId, a.permissions, 'ws_a'),
    roleCreated(b.roleId, b.permissions, 'ws_b'),
    inA.event,
    inB.event,
  );
  return { index, inA, inB };
};
