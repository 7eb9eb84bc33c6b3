import { defaultWorkspaceSettings } from '@keyward/domain';
import { applyEvents, workspaceCreated } from '../testing/read-model.fixtures';
import { readModelQueries } from '../testing/read-model-queries.fixture';
import { WorkspaceQueries } from './workspace.queries';

jest.setTimeout(30_000);

const catalogue = [{ resource: 'calls', group: 'Communication' }];

describe('workspace table and queries', () => {
  const db = readModelQueries((dataSource) => new WorkspaceQueries(dataSource));

  it('workspace default exists without any event, and is listed', async () => {
    const expected = { id: 'default', name: 'Default', plan: 'enterprise', settings: defaultWorkspaceSettings(), createdAt: null };
    expect(await db.queries.get('default')).toEqual(expected);
    expect(await db.queries.list()).toEqual([expected]);
    expect(await db.queries.get('ws_unknown')).toBeUndefined();
  });

  it('projects created workspaces and lists them after default, by creation time', async () => {
    await applyEvents(db.dataSource, [
      workspaceCreated('ws_b', { name: 'Beta', plan: 'pro', createdAt: '2026-01-01T00:00:01.000Z' }),
      workspaceCreated('ws_a', { name: 'Alpha', createdAt: '2026-01-01T00:00:02.000Z' }),
    ]);
    expect(await db.queries.get('ws_b')).toEqual({ id: 'ws_b', name: 'Beta', plan: 'pro', settings: defaultWorkspaceSettings(), createdAt: '2026-01-01T00:00:01.000Z' });
    expect((await db.queries.list()).map((w) => w.id)).toEqual(['default', 'ws_b', 'ws_a']);
  });

  it('takes plan and whole settings changes', async () => {
    await applyEvents(db.dataSource, [
      { type: 'WorkspacePlanChanged', data: { workspaceId: 'ws_a', plan: 'enterprise', changedAt: '2026-02-01T00:00:00.000Z' } },
      { type: 'WorkspaceSettingsChanged', data: { workspaceId: 'ws_a', settings: { keyPermissionsImmutable: true, resourceCatalogue: catalogue }, changedAt: '2026-02-01T00:00:00.000Z' } },
    ]);
    expect(await db.queries.get('ws_a')).toEqual({
      // Settings written before staleAfterDays and rateLimitWhenUnreachable existed read with their defaults.
      id: 'ws_a', name: 'Alpha', plan: 'enterprise', settings: { ...defaultWorkspaceSettings(), keyPermissionsImmutable: true, resourceCatalogue: catalogue }, createdAt: '2026-01-01T00:00:02.000Z',
    });
    expect(await db.queries.get('ws_b')).toMatchObject({ plan: 'pro', settings: defaultWorkspaceSettings() });
  });

  it("default's changes apply over its start state, which it never had an event for", async () => {
    await applyEvents(db.dataSource, [{ type: 'WorkspacePlanChanged', data: { workspaceId: 'default', plan: 'pro', changedAt: '2026-03-01T00:00:00.000Z' } }]);
    expect(await db.queries.get('default')).toEqual({ id: 'default', name: 'Default', plan: 'pro', settings: defaultWorkspaceSettings(), createdAt: null });
    await applyEvents(db.dataSource, [
      { type: 'WorkspaceSettingsChanged', data: { workspaceId: 'default', settings: { keyPermissionsImmutable: true, resourceCatalogue: catalogue }, changedAt: '2026-03-02T00:00:00.000Z' } },
    ]);
    expect(await db.queries.get('default')).toEqual({
      id: 'default', name: 'Default', plan: 'pro', settings: { ...defaultWorkspaceSettings(), keyPermissionsImmutable: true, resourceCatalogue: catalogue }, createdAt: null,
    });
    const list = await db.queries.list();
    expect(list.map((w) => w.id)).toEqual(['default', 'ws_b', 'ws_a']);
    expect(list[0].plan).toBe('pro');
  });

  it('a change to a workspace that was never created makes no row', async () => {
    await applyEvents(db.dataSource, [{ type: 'WorkspacePlanChanged', data: { workspaceId: 'ws_ghost', plan: 'pro', changedAt: '2026-03-01T00:00:00.000Z' } }]);
    expect(await db.queries.get('ws_ghost')).toBeUndefined();
  });
});
