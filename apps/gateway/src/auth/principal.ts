/** Who is calling: the root key (operator) or an ordinary key of a workspace. */
export interface Principal {
  readonly workspaceId: string;
  /** The calling key's id, or `root`. */
  readonly actor: string;
  readonly root: boolean;
  /** The caller's effective permissions, as the verifier computed them; the ceiling of what it may grant. */
  readonly grants: readonly string[];
  /** The roles the verify answer listed (none for root): who may use a credential shared by role. */
  readonly roles: readonly string[];
}

/** The root key acts in workspace `default` with every permission (product.md section 3). */
export const ROOT_PRINCIPAL: Principal = { workspaceId: 'default', actor: 'root', root: true, grants: ['*:write'], roles: [] };
