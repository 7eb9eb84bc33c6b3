import { isResourceName } from '../permissions/permission';
import { DEFAULT_RESOURCE_CATALOGUE, MANAGEMENT_RESOURCES } from './resource-catalogue';
import { defaultWorkspaceSettings, withSettingDefaults } from './workspace-settings';
import { validCatalogue } from './workspace-rules';

const resourcesOf = (group: string): string[] => DEFAULT_RESOURCE_CATALOGUE.filter((r) => r.group === group).map((r) => r.resource);

describe('DEFAULT_RESOURCE_CATALOGUE (product.md section 8)', () => {
  // [group, resources, in the order section 8 lists them]
  it.each<[string, string[]]>([
    ['Communication', ['calls', 'messages', 'transcriptions', 'recordings']],
    ['Agent configuration', ['agents', 'conversational_paths', 'knowledge_bases', 'tools', 'voices', 'integrations', 'webhooks']],
    ['Contacts and data', ['contacts', 'statistics', 'verifications']],
    ['Content', ['workflows', 'pages', 'forms', 'files', 'data_sets']],
    ['Administration', ['phones', 'members', 'billing', 'api_keys', 'notifications', 'roles', 'audit', 'credentials']],
  ])('%s: %j', (group, resources) => {
    expect(resourcesOf(group)).toEqual(resources);
  });

  it('has those five groups, in that order, and nothing else', () => {
    expect([...new Set(DEFAULT_RESOURCE_CATALOGUE.map((r) => r.group))]).toEqual(['Communication', 'Agent configuration', 'Contacts and data', 'Content', 'Administration']);
    expect(DEFAULT_RESOURCE_CATALOGUE).toHaveLength(27);
  });

  it('names each resource once, in the permission grammar', () => {
    const names = DEFAULT_RESOURCE_CATALOGUE.map((r) => r.resource);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(isResourceName(name)).toBe(true);
  });

  it('holds every management resource (section 2)', () => {
    expect([...MANAGEMENT_RESOURCES].sort()).toEqual(['api_keys', 'audit', 'billing', 'credentials', 'members', 'notifications', 'roles']);
    for (const resource of MANAGEMENT_RESOURCES) expect(resourcesOf('Administration')).toContain(resource);
  });

  it('is a valid catalogue for a workspace, unchanged by validation', () => {
    expect(validCatalogue([...DEFAULT_RESOURCE_CATALOGUE])).toEqual(DEFAULT_RESOURCE_CATALOGUE);
  });
});

describe('defaultWorkspaceSettings', () => {
  it('key permissions editable, the default catalogue, stale after 90 days, allow when the rate limiter is unreachable, leaked keys revoked', () => {
    expect(defaultWorkspaceSettings()).toEqual({ keyPermissionsImmutable: false, resourceCatalogue: DEFAULT_RESOURCE_CATALOGUE, staleAfterDays: 90, rateLimitWhenUnreachable: 'allow', revokeLeakedKeys: true });
  });

  it('fills settings stored before a setting existed with its default, and keeps those stored', () => {
    expect(withSettingDefaults({ keyPermissionsImmutable: true, resourceCatalogue: [] })).toEqual({
      keyPermissionsImmutable: true,
      resourceCatalogue: [],
      staleAfterDays: 90,
      rateLimitWhenUnreachable: 'allow',
      revokeLeakedKeys: true,
    });
    expect(withSettingDefaults({ ...defaultWorkspaceSettings(), staleAfterDays: 7, rateLimitWhenUnreachable: 'deny' })).toMatchObject({ staleAfterDays: 7, rateLimitWhenUnreachable: 'deny' });
  });

  it('is a new object each time, so one workspace’s settings never change another’s', () => {
    expect(defaultWorkspaceSettings()).not.toBe(defaultWorkspaceSettings());
  });
});
