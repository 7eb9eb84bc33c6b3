import { keyStreamId, roleStreamId, workspaceStreamId, type KeywardEvent } from '@keyward/contracts';
import type { DataSource } from 'typeorm';
import { READ_MODELS_PROJECTION } from './read-models.projection';
import { keyCreated, roleCreated, workspaceCreated } from './testing/read-model.fixtures';
import { rebuildDatabases } from './testing/rebuild.fixture';

jest.setTimeout(30_000);

const metadata = { workspaceId: 'ws_1', actor: 'system', correlationId: 'c', causationId: 'c', occurredAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1 };

/** Streams of every kind, and one event type no projection follows (from a newer writer). */
const streams: [string, (KeywardEvent | { type: string; data: unknown })[]][] = [
  [workspaceStreamId('ws_1'), [workspaceCreated('ws_1', { plan: 'enterprise' }), { type: 'WorkspacePlanChanged', data: { workspaceId: 'ws_1', plan: 'pro', changedAt: '2026-01-02T00:00:00.000Z' } }]],
  [workspaceStreamId('default'), [{ type: 'WorkspacePlanChanged', data: { workspaceId: 'default', plan: 'pro', changedAt: '2026-01-02T00:00:00.000Z' } }]],
  [roleStreamId('role_1'), [roleCreated('role_1', { workspaceId: 'ws_1' })]],
  [roleStreamId('role_2'), [roleCreated('role_2', { workspaceId: 'ws_1' }), { type: 'RoleDeleted', data: { roleId: 'role_2', workspaceId: 'ws_1', deletedAt: '2026-01-03T00:00:00.000Z' } }]],
  [keyStreamId('key_1'), [keyCreated(1, { keyId: 'key_1', workspaceId: 'ws_1' }), { type: 'RoleAssigned', data: { keyId: 'key_1', roleId: 'role_1' } }, { type: 'KeyLeakReported', data: { keyId: 'key_1' } }]],
];

const tables = async (dataSource: DataSource): Promise<Record<string, unknown[]>> => ({
  keys: await dataSource.query('SELECT * FROM keys ORDER BY id'),
  roles: await dataSource.query('SELECT * FROM roles ORDER BY id'),
  workspaces: await dataSource.query('SELECT * FROM workspaces ORDER BY id'),
});

describe('projectEvents: one projection for every read model', () => {
  const rebuild = rebuildDatabases(async (store) => {
    for (const [stream, e] of streams) await store.appendToStream(stream, e.map((event) => ({ ...event, metadata })), { expectedVersion: 'no_stream' });
  });

  it('fills keys, roles and workspaces under one checkpoint, and a rebuild gives identical tables', async () => {
    const {
      sources: [first, second],
      positions: [p1, p2],
    } = await rebuild.projectTwice();
    const [a, b] = [await tables(first), await tables(second)];
    expect(b).toEqual(a);
    expect(p2).toEqual(p1);
    expect(a.keys).toEqual([expect.objectContaining({ id: 'key_1', roles: ['role_1'] })]);
    expect(a.roles).toEqual([expect.objectContaining({ id: 'role_1', workspace_id: 'ws_1' })]);
    expect(a.workspaces).toEqual([
      { id: 'default', name: null, plan: 'pro', settings: null, created_at: null },
      expect.objectContaining({ id: 'ws_1', plan: 'pro' }),
    ]);
    expect(await second.query('SELECT projection FROM projection_checkpoints')).toEqual([{ projection: READ_MODELS_PROJECTION }]);
  });
});
