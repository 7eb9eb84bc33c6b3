import type { DataSource } from 'typeorm';
import { DEFAULT_WORKSPACE_ID } from '@keyward/contracts';
import { WorkspaceRow } from './workspace-row.entity';
import { defaultWorkspaceRecord, toWorkspaceRecord, type WorkspaceRecord } from './workspace-record.mapping';

/** Reads of the workspace table. Only the root key lists workspaces; everyone else asks for their own. */
export class WorkspaceQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** `undefined` for an unknown workspace; `default` always exists. */
  async get(id: string): Promise<WorkspaceRecord | undefined> {
    const row = await this.dataSource.getRepository(WorkspaceRow).findOneBy({ id });
    if (row) return toWorkspaceRecord(row);
    return id === DEFAULT_WORKSPACE_ID ? defaultWorkspaceRecord() : undefined;
  }

  /** `default` first, then the others in order of creation. */
  async list(): Promise<WorkspaceRecord[]> {
    const rows = await this.dataSource
      .getRepository(WorkspaceRow)
      .createQueryBuilder('w')
      .orderBy('w.created_at', 'ASC', 'NULLS FIRST')
      .addOrderBy('w.id', 'ASC')
      .getMany();
    const records = rows.map(toWorkspaceRecord);
    return rows.some((row) => row.id === DEFAULT_WORKSPACE_ID) ? records : [defaultWorkspaceRecord(), ...records];
  }
}
