/** Who is calling: the root key (operator) or an ordinary key of a workspace. */
export interface Principal {
  readonly workspaceId: string;
  /** The calling key's id, or `root`. */
  readonly actor: string;
  readonly root: boolean;
}

export const ROOT_ACTOR = 'root';
export const DEFAULT_WORKSPACE = 'default';
