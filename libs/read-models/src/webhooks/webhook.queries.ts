import type { DataSource } from 'typeorm';
import type { WebhookView } from '@keyward/contracts';
import { WebhookRow } from './webhook-row.entity';

const toWebhookView = (row: WebhookRow): WebhookView => ({
  id: row.id,
  workspaceId: row.workspaceId,
  url: row.url,
  events: row.events,
  description: row.description,
  enabled: row.enabled,
  disabledReason: row.disabledReason,
  createdAt: row.createdAt.toISOString(),
  secretRotatedAt: row.secretRotatedAt?.toISOString() ?? null,
  updatedAt: row.updatedAt.toISOString(),
});

/** Reads of a workspace's webhook endpoints. */
export class WebhookQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** In order of creation; a workspace holds few, so no pages. */
  async list(workspaceId: string): Promise<WebhookView[]> {
    const rows = await this.dataSource.getRepository(WebhookRow).find({ where: { workspaceId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map(toWebhookView);
  }

  /** `undefined` for an unknown or deleted webhook and for another workspace's, alike. */
  async get(workspaceId: string, webhookId: string): Promise<WebhookView | undefined> {
    const row = await this.dataSource.getRepository(WebhookRow).findOneBy({ workspaceId, id: webhookId });
    return row ? toWebhookView(row) : undefined;
  }
}
