import type { ResourceType, WorkspaceSettings } from '@keyward/contracts';

const group = (name: string, resources: readonly string[]): ResourceType[] => resources.map((resource) => ({ resource, group: name }));

/** product.md section 8; each workspace starts with it and may edit it. */
export const DEFAULT_RESOURCE_CATALOGUE: readonly ResourceType[] = [
  ...group('Communication', ['calls', 'messages', 'transcriptions', 'recordings']),
  ...group('Agent configuration', ['agents', 'conversational_paths', 'knowledge_bases', 'tools', 'voices', 'integrations', 'webhooks']),
  ...group('Contacts and data', ['contacts', 'statistics', 'verifications']),
  ...group('Content', ['workflows', 'pages', 'forms', 'files', 'data_sets']),
  ...group('Administration', ['phones', 'members', 'billing', 'api_keys', 'notifications', 'roles', 'audit', 'credentials']),
];

/** The management resources the gateway itself checks; a catalogue may not drop them. */
export const MANAGEMENT_RESOURCES: readonly string[] = ['api_keys', 'roles', 'members', 'billing', 'audit', 'credentials', 'notifications'];

export const DEFAULT_STALE_AFTER_DAYS = 90;

export const defaultWorkspaceSettings = (): WorkspaceSettings => ({
  keyPermissionsImmutable: false,
  resourceCatalogue: DEFAULT_RESOURCE_CATALOGUE,
  staleAfterDays: DEFAULT_STALE_AFTER_DAYS,
  rateLimitWhenUnreachable: 'allow',
});

/** Settings as stored by an event or a row written before some setting existed: each missing one takes its default. */
export const withSettingDefaults = (settings: Partial<WorkspaceSettings>): WorkspaceSettings => ({ ...defaultWorkspaceSettings(), ...settings });
