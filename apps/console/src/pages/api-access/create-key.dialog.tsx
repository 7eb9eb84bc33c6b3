import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/api-error';
import type { components } from '../../api/schema.generated';
import { Dialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { Select } from '../../ui/select';
import { FormError, fieldError } from '../../ui/form-error';
import { PermissionPicker } from '../permission-picker';
import type { Level } from '../level';
import { requestOf } from './create-key.request';

type Workspace = components['schemas']['WorkspaceView'];
type Role = components['schemas']['RoleView'];

interface CreateKeyDialogProps {
  workspace: Workspace;
  roles: readonly Role[];
  onCreated: (secret: string) => void;
  onClose: () => void;
}

const ENVIRONMENTS = [
  { value: 'live', label: 'Live' },
  { value: 'test', label: 'Test' },
] as const;

export const CreateKeyDialog = ({ workspace, roles, onCreated, onClose }: CreateKeyDialogProps) => {
  const catalogue = workspace.settings.resourceCatalogue;
  const [name, setName] = useState('');
  const [expires, setExpires] = useState('');
  const [environment, setEnvironment] = useState<'live' | 'test'>('live');
  const [chosenRoles, setChosenRoles] = useState<string[]>([]);
  const [restricted, setRestricted] = useState(false);
  const [levels, setLevels] = useState<Record<string, Level>>(() => Object.fromEntries(catalogue.map((r) => [r.resource, 'none' as const])));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await unwrap(api.POST('/v1/keys', { body: requestOf(name, expires, environment, chosenRoles, restricted, levels) }));
      if (created.key) onCreated(created.key);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  const toggleRole = (id: string) => setChosenRoles((current) => (current.includes(id) ? current.filter((r) => r !== id) : [...current, id]));
  return (
    <Dialog title="Create key" onClose={onClose}>
      <form onSubmit={submit}>
        <Field label="Name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} error={fieldError(error, 'name')} />
        <Field label="Expires (optional)" type="datetime-local" value={expires} onChange={(e) => setExpires(e.target.value)} error={fieldError(error, 'expiresAt')} />
        <Select label="Environment" options={ENVIRONMENTS} value={environment} onChange={(e) => setEnvironment(e.target.value === 'test' ? 'test' : 'live')} error={fieldError(error, 'environment')} />
        {roles.length > 0 && (
          <fieldset>
            <legend>Roles</legend>
            {roles.map((role) => (
              <label key={role.id} className="check">
                <input type="checkbox" checked={chosenRoles.includes(role.id)} onChange={() => toggleRole(role.id)} />
                {role.name}
              </label>
            ))}
            {fieldError(error, 'roles') && <p className="field-error">{fieldError(error, 'roles')}</p>}
          </fieldset>
        )}
        <label className="check switch">
          <input type="checkbox" role="switch" checked={restricted} onChange={(e) => setRestricted(e.target.checked)} />
          Restrict key
        </label>
        {restricted && (
          <PermissionPicker catalogue={catalogue} levels={levels} onChange={(resource, level) => setLevels((current) => ({ ...current, [resource]: level }))} error={fieldError(error, 'permissions')} />
        )}
        <FormError error={error} />
        <div className="actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Create
          </button>
        </div>
      </form>
    </Dialog>
  );
};
