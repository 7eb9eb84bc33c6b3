import type { components } from '../../api/schema.generated';

type Settings = components['schemas']['WorkspaceSettings'];
type SettingsChange = components['schemas']['WorkspaceSettingsDto'];

/** The settings this page edits; `staleAfterDays` as typed (a number field's text). */
export interface SettingsForm {
  staleAfterDays: string;
  revokeLeakedKeys: boolean;
}

export const settingsFormOf = (settings: Settings): SettingsForm => ({ staleAfterDays: String(settings.staleAfterDays), revokeLeakedKeys: settings.revokeLeakedKeys });

/**
 * Only what changed (the API merges a settings change into the current settings), so that saving
 * the leak switch never sends back the stale threshold. The range is the API's to judge (its
 * refusal is shown at the field); text that is no number is no change.
 */
export const settingsChangeOf = (settings: Settings, form: SettingsForm): SettingsChange => {
  const change: SettingsChange = {};
  const days = Number(form.staleAfterDays);
  if (form.staleAfterDays.trim() !== '' && Number.isFinite(days) && days !== settings.staleAfterDays) change.staleAfterDays = days;
  if (form.revokeLeakedKeys !== settings.revokeLeakedKeys) change.revokeLeakedKeys = form.revokeLeakedKeys;
  return change;
};
