import { useState } from 'react';
import { api } from '../../api/client';
import { messageOf, unwrap } from '../../api/api-error';
import type { components } from '../../api/schema.generated';
import { usePrincipal } from '../../session/session.context';
import { can } from '../../session/principal';
import { Field } from '../../ui/field';
import { FormError, fieldError } from '../../ui/form-error';
import { useLoad } from '../../ui/use-load';
import { useSubmit } from '../../ui/use-submit';
import { settingsChangeOf, settingsFormOf, type SettingsForm } from './workspace-settings.request';

type Workspace = components['schemas']['WorkspaceView'];
type Entitlement = keyof Workspace['entitlements'];

/** In words; a Record over the API's type, so an entitlement added to the API fails the build until it is named here. */
const ENTITLEMENTS: Record<Entitlement, string> = {
  apiAccess: 'API access',
  restrictedKeys: 'restricted keys',
  customRoles: 'custom roles',
  shares: 'resource shares',
  credentialSharing: 'credential sharing',
};
const includedIn = (workspace: Workspace): string =>
  (Object.keys(ENTITLEMENTS) as Entitlement[])
    .filter((feature) => workspace.entitlements[feature])
    .map((feature) => ENTITLEMENTS[feature])
    .join(', ') || 'no API access';

/** `PATCH /v1/workspace { settings }` with only what changed; the API takes a full-access key for it. */
const SettingsEditor = ({ workspace, onSaved }: { workspace: Workspace; onSaved: (saved: Workspace) => void }) => {
  const [form, setForm] = useState<SettingsForm>(() => settingsFormOf(workspace.settings));
  const [saved, setSaved] = useState(false);
  const { busy, error, submit } = useSubmit(async () => {
    setSaved(false);
    const settings = settingsChangeOf(workspace.settings, form);
    if (Object.keys(settings).length > 0) onSaved(await unwrap(api.PATCH('/v1/workspace', { body: { settings } })));
    setSaved(true);
  });
  return (
    <form onSubmit={submit} className="card" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      <Field
        label="Stale after (days)"
        type="number"
        inputMode="numeric"
        value={form.staleAfterDays}
        onChange={(e) => setForm({ ...form, staleAfterDays: e.target.value })}
        required
        hint="An active key with no valid answer for this many days is marked stale."
        error={fieldError(error, 'settings.staleAfterDays')}
      />
      <label className="check switch">
        <input type="checkbox" role="switch" checked={form.revokeLeakedKeys} onChange={(e) => setForm({ ...form, revokeLeakedKeys: e.target.checked })} />
        Revoke leaked keys at once
      </label>
      <p className="muted">When on, a key named by a signed leak report (a secret-scanning partner) is revoked the moment it is reported; when off, it is reported only (webhook key.leaked).</p>
      <FormError error={error} />
      <div className="actions">
        <span role="status">{saved && !busy ? 'Settings saved.' : ''}</span>
        <button type="submit" className="primary" disabled={busy}>
          Save settings
        </button>
      </div>
    </form>
  );
};

/** `/settings/workspace`: the workspace, its plan and what it allows; its settings, changed by a full-access key. */
export const WorkspacePage = () => {
  const principal = usePrincipal();
  const loaded = useLoad(() => unwrap(api.GET('/v1/workspace')), 'workspace');
  const [workspace, setWorkspace] = useState<Workspace | null>(null);
  const shown = workspace ?? loaded.data;
  const editable = can(principal, '*', 'write');
  return (
    <>
      <h1>Workspace</h1>
      {Boolean(loaded.error) && <p role="alert">{messageOf(loaded.error)}</p>}
      {shown && (
        <>
          <dl className="limits">
            <dt>Name</dt>
            <dd>{shown.name}</dd>
            <dt>Plan</dt>
            <dd>{shown.plan}</dd>
            <dt>Plan includes</dt>
            <dd>{includedIn(shown)}</dd>
            {!editable && (
              <>
                <dt>Stale after</dt>
                <dd>{shown.settings.staleAfterDays} days</dd>
                <dt>Leaked keys</dt>
                <dd>{shown.settings.revokeLeakedKeys ? 'revoked at once' : 'reported only'}</dd>
              </>
            )}
          </dl>
          {editable ? <SettingsEditor workspace={shown} onSaved={setWorkspace} /> : <p className="muted">Changing the settings takes a full-access (admin) key.</p>}
        </>
      )}
    </>
  );
};
