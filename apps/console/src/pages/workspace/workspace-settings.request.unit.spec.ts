import type { components } from '../../api/schema.generated';
import { settingsChangeOf, settingsFormOf } from './workspace-settings.request';

type Settings = components['schemas']['WorkspaceSettings'];

const settings: Settings = { keyPermissionsImmutable: false, resourceCatalogue: [], staleAfterDays: 90, rateLimitWhenUnreachable: 'deny', revokeLeakedKeys: true };

describe("the workspace settings' form", () => {
  it('sends nothing when nothing changed', () => {
    expect(settingsChangeOf(settings, settingsFormOf(settings))).toEqual({});
  });

  it('sends only what changed', () => {
    expect(settingsChangeOf(settings, { staleAfterDays: '90', revokeLeakedKeys: false })).toEqual({ revokeLeakedKeys: false });
    expect(settingsChangeOf(settings, { staleAfterDays: '30', revokeLeakedKeys: true })).toEqual({ staleAfterDays: 30 });
  });

  it('leaves the range to the API, and text that is no number out', () => {
    expect(settingsChangeOf(settings, { staleAfterDays: '0', revokeLeakedKeys: true })).toEqual({ staleAfterDays: 0 });
    expect(settingsChangeOf(settings, { staleAfterDays: ' ', revokeLeakedKeys: true })).toEqual({});
  });
});
