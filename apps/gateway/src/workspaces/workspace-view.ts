import type { WorkspaceView } from '@keyward/contracts';
import { entitlementsOf } from '@keyward/domain';
import type { WorkspaceRecord } from '@keyward/read-models';

/** Entitlements follow from the plan at read time, so a change to the plan table shows at once. */
export const toWorkspaceView = (record: WorkspaceRecord): WorkspaceView => ({ ...record, entitlements: entitlementsOf(record.plan) });
