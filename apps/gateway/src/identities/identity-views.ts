import { Injectable } from '@nestjs/common';
import type { IdentityView } from '@keyward/contracts';
import { IdentityQueries, identityView, type IdentityRecord } from '@keyward/read-models';

/** Identities as the API shows them: each with its count of live keys, read in one query per page. */
@Injectable()
export class IdentityViews {
  constructor(private readonly identities: IdentityQueries) {}

  async show(workspaceId: string, records: readonly IdentityRecord[]): Promise<IdentityView[]> {
    const counts = await this.identities.keyCounts(workspaceId, records.map((r) => r.id));
    return records.map((r) => identityView(r, counts.get(r.id) ?? 0));
  }

  async one(workspaceId: string, record: IdentityRecord): Promise<IdentityView> {
    const [view] = await this.show(workspaceId, [record]);
    return view;
  }
}
