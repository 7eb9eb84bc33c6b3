import { InvalidCursorError } from '../keys/key-page.cursor';
import { keyCreated, keyId } from '../testing/read-model.fixtures';
import { readModelQueries } from '../testing/read-model-queries.fixture';
import { ApiKeyUserQueries } from './api-key-user.queries';

jest.setTimeout(30_000);

const NOW = new Date('2026-06-01T00:00:00.000Z');

describe('API key users', () => {
  const db = readModelQueries((dataSource) => new ApiKeyUserQueries(dataSource), [
    ...[1, 2, 3, 4, 5].map((n) => keyCreated(n, { workspaceId: 'ws_1', unrestricted: n !== 2 })),
    keyCreated(6, { workspaceId: 'ws_2' }),
    { type: 'RoleAssigned', data: { keyId: keyId(2), roleId: 'role_a' } },
    { type: 'ResourceShared', data: { keyId: keyId(2), resource: 'workflows', resourceId: 'wf_42', access: 'read' } },
    { type: 'KeyRevoked', data: { keyId: keyId(3), revokedAt: '2026-02-01T00:00:00.000Z' } },
    { type: 'KeyDeleted', data: { keyId: keyId(4), deletedAt: '2026-02-01T00:00:00.000Z' } },
  ]);

  it('one principal per key in the table, newest first, within the workspace only', async () => {
    const page = await db.queries.list('ws_1', { limit: 10 }, NOW);
    expect(page.items.map((u) => u.keyId)).toEqual([keyId(5), keyId(3), keyId(2), keyId(1)]);
    expect(page.nextCursor).toBeNull();
    expect(page.items.find((u) => u.keyId === keyId(2))).toEqual({
      id: keyId(2), type: 'api_key', keyId: keyId(2), name: 'key 2', status: 'active', unrestricted: false, roles: ['role_a'], permissions: {},
      shares: [{ resource: 'workflows', resourceId: 'wf_42', access: 'read' }], groups: [], humanSeat: false,
    });
    expect(page.items.find((u) => u.keyId === keyId(3))?.status).toBe('revoked');
    expect((await db.queries.list('ws_2', { limit: 10 }, NOW)).items.map((u) => u.keyId)).toEqual([keyId(6)]);
    expect((await db.queries.list('ws_none', { limit: 10 }, NOW)).items).toEqual([]);
  });

  it('pages with a cursor and a limit', async () => {
    const first = await db.queries.list('ws_1', { limit: 3 }, NOW);
    expect(first.items.map((u) => u.keyId)).toEqual([keyId(5), keyId(3), keyId(2)]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await db.queries.list('ws_1', { limit: 3, cursor: first.nextCursor ?? undefined }, NOW);
    expect(second.items.map((u) => u.keyId)).toEqual([keyId(1)]);
    expect(second.nextCursor).toBeNull();
  });

  it('refuses a cursor it did not hand out', async () => {
    await expect(db.queries.list('ws_1', { limit: 3, cursor: 'garbage' }, NOW)).rejects.toThrow(InvalidCursorError);
  });
});
