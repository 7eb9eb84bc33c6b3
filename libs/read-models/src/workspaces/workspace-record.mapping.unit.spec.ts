import { defaultWorkspaceSettings } from '@keyward/domain';
import { defaultWorkspaceRecord, toWorkspaceRecord } from './workspace-record.mapping';

describe('workspace records', () => {
  it('workspace default exists without an event: named Default, on enterprise, with the default settings', () => {
    expect(defaultWorkspaceRecord()).toEqual({ id: 'default', name: 'Default', plan: 'enterprise', settings: defaultWorkspaceSettings(), createdAt: null });
  });

  it('shows a created workspace as stored', () => {
    const settings = { keyPermissionsImmutable: true, resourceCatalogue: [{ resource: 'calls', group: 'Communication' }], staleAfterDays: 30, rateLimitWhenUnreachable: 'deny' as const, revokeLeakedKeys: false };
    expect(toWorkspaceRecord({ id: 'ws_1', name: 'Acme', plan: 'pro', settings, createdAt: new Date('2026-01-01T00:00:00.000Z') })).toEqual({
      id: 'ws_1', name: 'Acme', plan: 'pro', settings, createdAt: '2026-01-01T00:00:00.000Z',
    });
  });

  it("reads default's columns no event has set as its start state", () => {
    expect(toWorkspaceRecord({ id: 'default', name: null, plan: 'free', settings: null, createdAt: null })).toEqual({
      ...defaultWorkspaceRecord(),
      plan: 'free',
    });
  });
});
