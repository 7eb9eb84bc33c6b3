import { DEFAULT_WORKSPACE_ID, type Entitlements, type Plan, type WorkspaceEvent } from '@keyward/contracts';
import { DEFAULT_WORKSPACE, entitlementsOf } from '@keyward/domain';

/** One per workspace, shared by all its keys and changed in place, so a plan change holds on the very next verify. */
export interface WorkspacePlan {
  plan: Plan;
  entitlements: Entitlements;
}

/** Until its WorkspaceCreated is seen, a workspace other than `default` has no API access. */
const UNKNOWN_WORKSPACE_PLAN: Plan = 'free';

export class WorkspacePlans {
  private readonly byId = new Map<string, WorkspacePlan>();

  of(workspaceId: string): WorkspacePlan {
    let entry = this.byId.get(workspaceId);
    if (!entry) {
      const plan = workspaceId === DEFAULT_WORKSPACE_ID ? DEFAULT_WORKSPACE.plan : UNKNOWN_WORKSPACE_PLAN;
      entry = { plan, entitlements: entitlementsOf(plan) };
      this.byId.set(workspaceId, entry);
    }
    return entry;
  }

  /** The workspace whose entitlements changed, if any: its keys' grants must be recomputed. */
  apply(event: WorkspaceEvent): string | undefined {
    if (event.type === 'WorkspaceSettingsChanged') return undefined;
    const { workspaceId, plan } = event.data;
    const entitlements = entitlementsOf(plan);
    // A plan this version does not know grants nothing rather than crash the follower.
    if (!entitlements) throw new Error(`unknown plan in ${event.type}`);
    const entry = this.of(workspaceId);
    if (entry.plan === plan) return undefined;
    entry.plan = plan;
    entry.entitlements = entitlements;
    return workspaceId;
  }
}
