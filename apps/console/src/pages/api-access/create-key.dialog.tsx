import { useState } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/api-error';
import type { components } from '../../api/schema.generated';
import { Dialog } from '../../ui/dialog';
import { DialogActions } from '../../ui/dialog-actions';
import { useSubmit } from '../../ui/use-submit';
import { RoleChecklist } from '../role-checklist';
import { Field } from '../../ui/field';
import { Select } from '../../ui/select';
import { FormError, fieldError } from '../../ui/form-error';
import { PermissionPicker } from '../permission-picker';
import type { Level } from '../level';
import { requestOf } from './create-key.request';
import { KeyFields } from './key-fields.fields';
import { keyFieldsFormOf, type KeyFieldsForm } from './key-fields.form';

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
  const [fields, setFields] = useState<KeyFieldsForm>(() => keyFieldsFormOf());
  const [levels, setLevels] = useState<Record<string, Level>>(() => Object.fromEntries(catalogue.map((r) => [r.resource, 'none' as const])));
  const { busy, error, submit } = useSubmit(async () => {
    const created = await unwrap(api.POST('/v1/keys', { body: requestOf(name, expires, environment, chosenRoles, restricted, levels, fields) }));
    if (created.key) onCreated(created.key);
  });
  return (
    <Dialog title="Create key" onClose={onClose}>
      <form onSubmit={submit}>
        <Field label="Name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} error={fieldError(error, 'name')} />
        <Field label="Expires (optional)" type="datetime-local" value={expires} onChange={(e) => setExpires(e.target.value)} error={fieldError(error, 'expiresAt')} />
        <Select label="Environment" options={ENVIRONMENTS} value={environment} onChange={(e) => setEnvironment(e.target.value === 'test' ? 'test' : 'live')} error={fieldError(error, 'environment')} />
        {roles.length > 0 && <RoleChecklist legend="Roles" roles={roles} chosen={chosenRoles} onChange={setChosenRoles} error={fieldError(error, 'roles')} />}
        <label className="check switch">
          <input type="checkbox" role="switch" checked={restricted} onChange={(e) => setRestricted(e.target.checked)} />
          Restrict key
        </label>
        {restricted && (
          <PermissionPicker catalogue={catalogue} levels={levels} onChange={(resource, level) => setLevels((current) => ({ ...current, [resource]: level }))} error={fieldError(error, 'permissions')} />
        )}
        <KeyFields form={fields} onChange={setFields} error={error} />
        <FormError error={error} />
        <DialogActions action="Create" busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
};
