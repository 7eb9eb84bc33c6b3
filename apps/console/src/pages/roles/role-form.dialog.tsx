import { useState } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/api-error';
import type { components } from '../../api/schema.generated';
import { Dialog } from '../../ui/dialog';
import { DialogActions } from '../../ui/dialog-actions';
import { useSubmit } from '../../ui/use-submit';
import { Field } from '../../ui/field';
import { FormError, fieldError } from '../../ui/form-error';
import { PermissionPicker } from '../permission-picker';
import { levelsOf, permissionsOf } from './permission-levels';

type Role = components['schemas']['RoleView'];
type ResourceType = components['schemas']['ResourceTypeDto'];

interface RoleFormDialogProps {
  role: Role | null;
  catalogue: readonly ResourceType[];
  onSaved: () => void;
  onClose: () => void;
}

export const RoleFormDialog = ({ role, catalogue, onSaved, onClose }: RoleFormDialogProps) => {
  const [name, setName] = useState(role?.name ?? '');
  const [description, setDescription] = useState(role?.description ?? '');
  const [levels, setLevels] = useState(() => levelsOf(role?.permissions ?? []));
  const { busy, error, submit } = useSubmit(async () => {
    const body = { name, description, permissions: permissionsOf(levels) };
    await unwrap(role ? api.PATCH('/v1/roles/{id}', { params: { path: { id: role.id } }, body }) : api.POST('/v1/roles', { body }));
    onSaved();
  });
  return (
    <Dialog title={role ? 'Edit role' : 'Create role'} onClose={onClose}>
      <form onSubmit={submit}>
        <Field label="Name" value={name} onChange={(e) => setName(e.target.value)} required error={fieldError(error, 'name')} />
        <Field label="Description" value={description} onChange={(e) => setDescription(e.target.value)} error={fieldError(error, 'description')} />
        <PermissionPicker catalogue={catalogue} levels={levels} onChange={(resource, level) => setLevels((current) => ({ ...current, [resource]: level }))} error={fieldError(error, 'permissions')} />
        <FormError error={error} />
        <DialogActions action={role ? 'Save role' : 'Create role'} busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
};
