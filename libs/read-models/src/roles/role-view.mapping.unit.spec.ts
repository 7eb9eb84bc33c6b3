import type { RoleRow } from './role-row.entity';
import { builtInRoleView, builtInRoleViews, toRoleView } from './role-view.mapping';

describe('role views', () => {
  it('lists the built-in roles, admin first, in the asked workspace, with no times', () => {
    expect(builtInRoleViews('ws_1')).toEqual([
      { id: 'admin', workspaceId: 'ws_1', name: 'Admin', description: 'Everything', permissions: ['*:write'], builtIn: true, createdAt: null, updatedAt: null },
      { id: 'read-only', workspaceId: 'ws_1', name: 'Read-only', description: 'Read everything', permissions: ['*:read'], builtIn: true, createdAt: null, updatedAt: null },
    ]);
    expect(builtInRoleView('ws_2', 'read-only').workspaceId).toBe('ws_2');
  });

  it('shows a custom role as stored, with its times as ISO strings', () => {
    const row: RoleRow = {
      id: 'role_1', workspaceId: 'ws_1', name: 'support', description: 'reads calls', permissions: ['calls:read', 'workflows/wf_1:write'],
      createdAt: new Date('2026-01-01T00:00:00.000Z'), updatedAt: new Date('2026-01-02T00:00:00.000Z'),
    };
    expect(toRoleView(row)).toEqual({
      id: 'role_1', workspaceId: 'ws_1', name: 'support', description: 'reads calls', permissions: ['calls:read', 'workflows/wf_1:write'],
      builtIn: false, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z',
    });
  });
});
