import { DEFAULT_WORKSPACE_ID, type Entitlements, type Plan, type RateLimitWhenUnreachable } from '@keyward/contracts';
import { DEFAULT_WORKSPACE, UNKNOWN_WORKSPACE_PLAN, entitlementsOf } from '@keyward/domain';
import type { IndexWorkspaceEvent } from './index-event.parser';

/** One per workspace, shared by all its keys and changed in place, so a plan or setting change holds on the very next verify. */
export interface WorkspacePlan {
  readonly workspaceId: string;
  plan: Plan;
  entitlements: Entitlements;
  /** What the rate limiter answers for this workspace's keys while its shared state is out of reach. */
  rateLimitWhenUnreachable: RateLimitWhenUnreachable;
}

export class WorkspacePlans {
  private readonly byId = new Map<string, WorkspacePlan>();

  /** `default` exists without an event, on the domain's default plan (product.md section 7). */
  of(workspaceId: string): WorkspacePlan {
    let entry = this.byId.get(workspaceId);
    if (!entry) {
      const plan = workspaceId === DEFAULT_WORKSPACE_ID ? DEFAULT_WORKSPACE.plan : UNKNOWN_WORKSPACE_PLAN;
      entry = { workspaceId, plan, entitlements: entitlementsOf(plan), rateLimitWhenUnreachable: DEFAULT_WORKSPACE.settings.rateLimitWhenUnreachable };
      this.byId.set(workspaceId, entry);
    }
    return entry;
  }

  /** Applies a workspace event; answers the workspace whose plan changed (its keys must be recomputed), if any. */
  apply(event: IndexWorkspaceEvent): string | undefined {
    const entry = this.of(event.data.workspaceId);
    if (event.type !== 'WorkspacePlanChanged') entry.rateLimitWhenUnreachable = event.data.rateLimitWhenUnreachable;
    // Settings (catalogue, immutability, the rate limiter's fallback) decide what may be written or how to limit, not what a key holds.
    if (event.type === 'WorkspaceSettingsChanged') return undefined;
    const { workspaceId, plan } = event.data;
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
