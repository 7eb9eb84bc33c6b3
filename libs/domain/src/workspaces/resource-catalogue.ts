import type { ResourceType } from '@keyward/contracts';

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
