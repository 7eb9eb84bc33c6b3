/** A role as the gateway shows it; built-ins (`admin`, `read-only`) are listed in every workspace. */
export interface RoleView {
  readonly id: string;
  readonly workspaceId: string;
  readonly name: string;
  readonly description: string;
  readonly permissions: readonly string[];
  readonly builtIn: boolean;
  readonly createdAt: string | null;
  readonly updatedAt: string | null;
}
