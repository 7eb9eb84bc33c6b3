import { useState } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/api-error';
import { Dialog } from '../../ui/dialog';
import { DialogActions } from '../../ui/dialog-actions';
import { useSubmit } from '../../ui/use-submit';
import { Field } from '../../ui/field';
import { Select } from '../../ui/select';
import { FormError, fieldError } from '../../ui/form-error';
import { listOf } from '../../ui/list-of';

const LOCATIONS = [
  { value: 'header', label: 'Header' },
  { value: 'query', label: 'Query parameter' },
  { value: 'bearer', label: 'Bearer (Authorization header)' },
] as const;
type Location = (typeof LOCATIONS)[number]['value'];
const asLocation = (value: string): Location => LOCATIONS.find((l) => l.value === value)?.value ?? 'header';

/** Stores a third-party credential; its value is sent once, sealed by the gateway, and never shown again (only its last 4 characters). */
export const CredentialFormDialog = ({ onSaved, onClose }: { onSaved: () => void; onClose: () => void }) => {
  const [service, setService] = useState('');
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [location, setLocation] = useState<Location>('header');
  const [parameterName, setParameterName] = useState('');
  const [hosts, setHosts] = useState('');
  const { busy, error, submit } = useSubmit(async () => {
    await unwrap(api.POST('/v1/credentials', { body: { service, name, value, location, parameterName: location === 'bearer' ? undefined : parameterName, allowedHosts: listOf(hosts) } }));
    onSaved();
  });
  return (
    <Dialog title="Add credential" onClose={onClose}>
      <form onSubmit={submit} autoComplete="off">
        <Field label="Service" value={service} onChange={(e) => setService(e.target.value)} required placeholder="e.g. openai" error={fieldError(error, 'service')} />
        <Field label="Name" value={name} onChange={(e) => setName(e.target.value)} required error={fieldError(error, 'name')} />
        <Field label="Value" type="password" value={value} onChange={(e) => setValue(e.target.value)} required error={fieldError(error, 'value')} hint="Sealed at once; nobody can read it back." />
        <Select label="Location" options={LOCATIONS} value={location} onChange={(e) => setLocation(asLocation(e.target.value))} error={fieldError(error, 'location')} />
        {location !== 'bearer' && (
          <Field label="Parameter name" value={parameterName} onChange={(e) => setParameterName(e.target.value)} required placeholder={location === 'header' ? 'X-API-Key' : 'api_key'} error={fieldError(error, 'parameterName')} />
        )}
        <Field label="Allowed hosts" value={hosts} onChange={(e) => setHosts(e.target.value)} required placeholder="api.example.com" hint="The hosts the value may be sent to, separated by commas." error={fieldError(error, 'allowedHosts')} />
        <FormError error={error} />
        <DialogActions action="Add credential" busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
};
