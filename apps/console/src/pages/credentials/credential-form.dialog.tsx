import { useState } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/api-error';
import type { components } from '../../api/schema.generated';
import { Dialog } from '../../ui/dialog';
import { DialogActions } from '../../ui/dialog-actions';
import { useSubmit } from '../../ui/use-submit';
import { Field } from '../../ui/field';
import { Select } from '../../ui/select';
import { FormError, fieldError } from '../../ui/form-error';
import { credentialFormOf, storeRequestOf, updateRequestOf, type CredentialForm } from './credential.request';

type Credential = components['schemas']['CredentialView'];

const LOCATIONS = [
  { value: 'header', label: 'Header' },
  { value: 'query', label: 'Query parameter' },
  { value: 'bearer', label: 'Bearer (Authorization header)' },
] as const;
const asLocation = (value: string): CredentialForm['location'] => LOCATIONS.find((l) => l.value === value)?.value ?? 'header';

interface CredentialFormDialogProps {
  /** The credential to edit (name, location, hosts); none: a new one, with its service and value. */
  credential?: Credential;
  onSaved: () => void;
  onClose: () => void;
}

/** Stores a third-party credential, or edits one; a value is sent once, sealed by the gateway, and never shown again (only its last 4 characters). */
export const CredentialFormDialog = ({ credential, onSaved, onClose }: CredentialFormDialogProps) => {
  const [service, setService] = useState('');
  const [value, setValue] = useState('');
  const [form, setForm] = useState<CredentialForm>(() => credentialFormOf(credential));
  const set = (change: Partial<CredentialForm>) => setForm((current) => ({ ...current, ...change }));
  const { busy, error, submit } = useSubmit(async () => {
    if (!credential) await unwrap(api.POST('/v1/credentials', { body: storeRequestOf(service, value, form) }));
    else {
      const request = updateRequestOf(credential, form);
      if (Object.keys(request).length > 0) await unwrap(api.PATCH('/v1/credentials/{id}', { params: { path: { id: credential.id } }, body: request }));
    }
    onSaved();
  });
  return (
    <Dialog title={credential ? 'Edit credential' : 'Add credential'} onClose={onClose}>
      <form onSubmit={submit} autoComplete="off">
        {credential ? (
          <p>
            Service <strong>{credential.service}</strong> (fixed when it was added). The value stays as it is: rotate it from the table.
          </p>
        ) : (
          <Field label="Service" value={service} onChange={(e) => setService(e.target.value)} required placeholder="e.g. openai" error={fieldError(error, 'service')} />
        )}
        <Field label="Name" value={form.name} onChange={(e) => set({ name: e.target.value })} required error={fieldError(error, 'name')} />
        {!credential && <Field label="Value" type="password" value={value} onChange={(e) => setValue(e.target.value)} required error={fieldError(error, 'value')} hint="Sealed at once; nobody can read it back." />}
        <Select label="Location" options={LOCATIONS} value={form.location} onChange={(e) => set({ location: asLocation(e.target.value) })} error={fieldError(error, 'location')} />
        {form.location !== 'bearer' && (
          <Field
            label="Parameter name"
            value={form.parameterName}
            onChange={(e) => set({ parameterName: e.target.value })}
            required
            placeholder={form.location === 'header' ? 'X-API-Key' : 'api_key'}
            error={fieldError(error, 'parameterName')}
          />
        )}
        <Field label="Allowed hosts" value={form.hosts} onChange={(e) => set({ hosts: e.target.value })} required placeholder="api.example.com" hint="The hosts the value may be sent to, separated by commas." error={fieldError(error, 'allowedHosts')} />
        <FormError error={error} />
        <DialogActions action={credential ? 'Save credential' : 'Add credential'} busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
};
