import type { WorkspaceSettings } from '@keyward/contracts';
import { DEFAULT_RESOURCE_CATALOGUE } from './resource-catalogue';

export const DEFAULT_STALE_AFTER_DAYS = 90;

export const defaultWorkspaceSettings = (): WorkspaceSettings => ({
  keyPermissionsImmutable: false,
  resourceCatalogue: DEFAULT_RESOURCE_CATALOGUE,
  staleAfterDays: DEFAULT_STALE_AFTER_DAYS,
  rateLimitWhenUnreachable: 'allow',
  revokeLeakedKeys: true,
});

/** Settings as stored by an event or a row written before some setting existed: each missing one takes its default. */
export const withSettingDefaults = (settings: Partial<WorkspaceSettings>): WorkspaceSettings => ({ ...defaultWorkspaceSettings(), ...settings });
