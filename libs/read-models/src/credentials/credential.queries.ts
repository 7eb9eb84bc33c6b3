import type { DataSource } from 'typeorm';
import type { CredentialView } from '@keyward/contracts';
import { CredentialRow } from './credential-row.entity';

const toCredentialView = (row: CredentialRow): CredentialView => ({
  id: row.id,
  workspaceId: row.workspaceId,
  service: row.service,
  name: row.name,
  location: row.location,
  parameterName: row.parameterName,
  allowedHosts: row.allowedHosts,
  sharedWith: { keys: row.sharedKeys, roles: row.sharedRoles },
  owner: row.ownerKeyId,
  lastFour: row.lastFour,
  createdAt: row.createdAt.toISOString(),
  rotatedAt: row.rotatedAt?.toISOString() ?? null,
  updatedAt: row.updatedAt.toISOString(),
});

/** Reads of a workspace's credentials: definitions only, the value is in no table. */
export class CredentialQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** In order of creation; `service` narrows to one service (exactly as stored). A workspace holds few, so no pages. */
  async list(workspaceId: string, service?: string): Promise<CredentialView[]> {
    const rows = await this.dataSource.getRepository(CredentialRow).find({ where: { workspaceId, ...(service === undefined ? {} : { service }) }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map(toCredentialView);
  }

  /** `undefined` for an unknown or deleted credential and for another workspace's, alike. */
  async get(workspaceId: string, credentialId: string): Promise<CredentialView | undefined> {
    const row = await this.dataSource.getRepository(CredentialRow).findOneBy({ workspaceId, id: credentialId });
    return row ? toCredentialView(row) : undefined;
  }
}
