import { useState } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/api-error';
import type { components } from '../../api/schema.generated';
import { Dialog } from '../../ui/dialog';
import { DialogActions } from '../../ui/dialog-actions';
import { Field } from '../../ui/field';
import { FormError, fieldError } from '../../ui/form-error';
import { Select } from '../../ui/select';
import { TextAreaField } from '../../ui/text-area-field';
import { useSubmit } from '../../ui/use-submit';
import { KeyFields } from './key-fields.fields';
import { editFormOf, editRequestOf, type EditKeyForm } from './edit-key.request';
import { WINDOW_UNITS } from './rate-window';

type Key = components['schemas']['KeyView'];

interface EditKeyDialogProps {
  apiKey: Key;
  onSaved: () => void;
  onClose: () => void;
}

/** Name, expiry, rate limit, IP allowlist, credits and metadata of a key (`PATCH /v1/keys/:id`); roles change on the API key users page. */
export const EditKeyDialog = ({ apiKey, onSaved, onClose }: EditKeyDialogProps) => {
  const [form, setForm] = useState<EditKeyForm>(() => editFormOf(apiKey));
  const [never, setNever] = useState(apiKey.expiresAt === null);
  const set = (change: Partial<EditKeyForm>) => setForm((current) => ({ ...current, ...change }));
  const { busy, error, submit } = useSubmit(async () => {
    const request = editRequestOf(apiKey, { ...form, expires: never ? '' : form.expires });
    if (Object.keys(request).length > 0) await unwrap(api.PATCH('/v1/keys/{id}', { params: { path: { id: apiKey.id } }, body: request }));
    onSaved();
  });
  const windowError = fieldError(error, 'ratelimit.windowSeconds');
  const limitError = fieldError(error, 'ratelimit.limit') ?? (windowError ? undefined : fieldError(error, 'ratelimit'));
  return (
    <Dialog title="Edit key" onClose={onClose}>
      <form onSubmit={submit}>
        <Field label="Name" value={form.name} onChange={(e) => set({ name: e.target.value })} required maxLength={200} error={fieldError(error, 'name')} />
        <fieldset>
          <legend>Expiry</legend>
          <label className="check">
            <input type="checkbox" checked={never} onChange={(e) => setNever(e.target.checked)} />
            Never expires
          </label>
          {!never && <Field label="Expires" type="datetime-local" value={form.expires} onChange={(e) => set({ expires: e.target.value })} required error={fieldError(error, 'expiresAt')} />}
        </fieldset>
        <fieldset>
          <legend>Rate limit</legend>
          <label className="check">
            <input type="checkbox" checked={form.limited} onChange={(e) => set({ limited: e.target.checked })} />
            Limit the rate of valid verifications
          </label>
          {form.limited && (
            <div className="inline-fields">
              <Field label="Requests" type="number" min={1} max={1_000_000} step={1} required value={form.limit} onChange={(e) => set({ limit: e.target.value })} error={limitError} />
              <Field label="Per" type="number" min={1} step={1} required value={form.window} onChange={(e) => set({ window: e.target.value })} error={windowError} />
              <Select label="Unit" options={WINDOW_UNITS} value={form.unit} onChange={(e) => set({ unit: e.target.value })} />
            </div>
          )}
        </fieldset>
        <TextAreaField
          label="IP allowlist"
          rows={4}
          spellCheck={false}
          value={form.ipAllowlist}
          onChange={(e) => set({ ipAllowlist: e.target.value })}
          hint="Addresses or CIDR ranges, one a line (up to 100). Verify then needs the caller's IP inside one of them; empty: any address."
          error={fieldError(error, 'ipAllowlist')}
        />
        <KeyFields form={form.fields} onChange={(fields) => set({ fields })} error={error} />
        <FormError error={error} />
        <DialogActions action="Save key" busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
};
