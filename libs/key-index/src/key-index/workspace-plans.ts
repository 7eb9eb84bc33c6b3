import { DEFAULT_WORKSPACE_ID, type Entitlements, type Plan } from '@keyward/contracts';
import { DEFAULT_WORKSPACE, entitlementsOf } from '@keyward/domain';
import type { IndexWorkspaceEvent } from './index-event.parser';

/** One per workspace, shared by all its keys and changed in place, so a plan change holds on the very next verify. */
export interface WorkspacePlan {
  readonly workspaceId: string;
  plan: Plan;
  entitlements: Entitlements;
}

/** Until its WorkspaceCreated is seen, a workspace other than `default` has no API access. */
const UNKNOWN_WORKSPACE_PLAN: Plan = 'free';

export class WorkspacePlans {
  private readonly byId = new Map<string, WorkspacePlan>();

  /** `default` exists without an event, on the domain's default plan (product.md section 7). */
  of(workspaceId: string): WorkspacePlan {
    let entry = this.byId.get(workspaceId);
    if (!entry) {
      const plan = workspaceId === DEFAULT_WORKSPACE_ID ? DEFAULT_WORKSPACE.plan : UNKNOWN_WORKSPACE_PLAN;
      entry = { workspaceId, plan, entitlements: entitlementsOf(plan) };
      this.byId.set(workspaceId, entry);
    }
    return entry;
  }

  /** Applies a workspace event; answers the workspace whose plan changed (its keys must be recomputed), if any. */
  apply(event: IndexWorkspaceEvent): string | undefined {
    // Settings (catalogue, immutability) decide what may be written, not what a key holds.
    if (event.type === 'WorkspaceSettingsChanged') return undefined;
    const { workspaceId, plan } = event.data;
    const entry = this.of(workspaceId);
    if (entry.plan === plan) return undefined;
    entry.plan = plan;
    entry.entitlements = entitlementsOf(plan);
    return workspaceId;
  }

  /** Every workspace seen, including those only named by a key. */
  list(): WorkspacePlan[] {
    return [...this.byId.values()];
  }
}
