import { workspaceStreamId, type WorkspaceEvent } from '@keyward/contracts';
import { defaultWorkspaceSettings } from '@keyward/domain';
import { PostgresEventStore } from '@keyward/event-store/postgres';
import { workspaceCreated } from '../testing/read-model.fixtures';
import { projectedHistory } from '../testing/projected-history.fixture';
import { WorkspaceQueries } from './workspace.queries';
import { WorkspaceStateQueries } from './workspace-state.queries';

jest.setTimeout(30_000);

const metadata = { workspaceId: 'default', actor: 'system', correlationId: 'c', causationId: 'c', occurredAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1 };
const settings = { ...defaultWorkspaceSettings(), keyPermissionsImmutable: true };

describe('a workspace read from its own history', () => {
  const history = projectedHistory('workspace_state', async (store) => {
    const append = (workspaceId: string, events: WorkspaceEvent[]) =>
      store.appendToStream(workspaceStreamId(workspaceId), events.map((e) => ({ ...e, metadata: { ...metadata, workspaceId } })), { expectedVersion: 'any' });
    await append('ws_1', [
      workspaceCreated('ws_1', { createdAt: '2026-01-01T00:00:01.000Z' }),
      { type: 'WorkspacePlanChanged', data: { workspaceId: 'ws_1', plan: 'pro', changedAt: '2026-01-02T00:00:00.000Z' } },
      { type: 'WorkspaceSettingsChanged', data: { workspaceId: 'ws_1', settings, changedAt: '2026-01-03T00:00:00.000Z' } },
    ]);
    await append('default', [{ type: 'WorkspacePlanChanged', data: { workspaceId: 'default', plan: 'pro', changedAt: '2026-01-04T00:00:00.000Z' } }]);
  });

  it.each(['ws_1', 'default'])('is the record the workspace table gives once the projector caught up: %s', async (workspaceId) => {
    const folded = await new WorkspaceStateQueries(history.store).get(workspaceId);
    expect(folded).toBeDefined();
    expect(folded).toEqual(await new WorkspaceQueries(history.dataSource).get(workspaceId));
  });

  it('answers default without an event, and nothing for an unknown workspace', async () => {
    const workspaces = new WorkspaceStateQueries(history.store);
    expect(await workspaces.get('ws_unknown')).toBeUndefined();
    const other = PostgresEventStore.fromConnectionString(history.database.url, { schema: 'workspace_state_empty' });
    try {
      expect(await new WorkspaceStateQueries(other).get('default')).toMatchObject({ id: 'default', plan: 'enterprise', createdAt: null });
    } finally {
      await other.close();
    }
  });
});
