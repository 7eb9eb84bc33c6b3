import { useState } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/api-error';
import type { components } from '../../api/schema.generated';
import { Dialog } from '../../ui/dialog';
import { DialogActions } from '../../ui/dialog-actions';
import { Field } from '../../ui/field';
import { FormError, fieldError } from '../../ui/form-error';
import { useSubmit } from '../../ui/use-submit';
import { createRequestOf, toggleEvent, updateRequestOf, webhookFormOf, WEBHOOK_EVENTS, type WebhookForm } from './webhook.request';

type Webhook = components['schemas']['WebhookView'];

interface WebhookFormDialogProps {
  /** The endpoint to edit; none: a new one, whose signing secret `onCreated` is given once. */
  webhook?: Webhook;
  onCreated?: (secret: string | null) => void;
  onSaved: () => void;
  onClose: () => void;
}

/** Creates an endpoint (URL, event types, description) or edits one (and turns it on or off). */
export const WebhookFormDialog = ({ webhook, onCreated, onSaved, onClose }: WebhookFormDialogProps) => {
  const [form, setForm] = useState<WebhookForm>(() => webhookFormOf(webhook));
  const set = (change: Partial<WebhookForm>) => setForm((current) => ({ ...current, ...change }));
  const { busy, error, submit } = useSubmit(async () => {
    if (!webhook) {
      onCreated?.((await unwrap(api.POST('/v1/webhooks', { body: createRequestOf(form) }))).secret);
      return;
    }
    const request = updateRequestOf(webhook, form);
    if (Object.keys(request).length > 0) await unwrap(api.PATCH('/v1/webhooks/{id}', { params: { path: { id: webhook.id } }, body: request }));
    onSaved();
  });
  const eventsError = fieldError(error, 'events');
  return (
    <Dialog title={webhook ? 'Edit webhook' : 'Create webhook'} onClose={onClose}>
      <form onSubmit={submit} autoComplete="off">
        <Field
          label="URL"
          type="url"
          value={form.url}
          onChange={(e) => set({ url: e.target.value })}
          required
          placeholder="https://hooks.example.com/keyward"
          hint="Keyward POSTs each event here as JSON, signed per Standard Webhooks. The operator may refuse plain http and private addresses when sending."
          error={fieldError(error, 'url')}
        />
        <fieldset aria-describedby={eventsError ? 'webhook-events-error' : undefined}>
          <legend>Events</legend>
          {WEBHOOK_EVENTS.map(({ type, label }) => (
            <label key={type} className="check">
              <input type="checkbox" checked={form.events.includes(type)} onChange={() => set({ events: toggleEvent(form.events, type) })} />
              {label} <code>{type}</code>
            </label>
          ))}
          {eventsError && (
            <p id="webhook-events-error" className="field-error">
              {eventsError}
            </p>
          )}
        </fieldset>
        <Field label="Description (optional)" value={form.description} onChange={(e) => set({ description: e.target.value })} maxLength={500} error={fieldError(error, 'description')} />
        {webhook && (
          <>
            <label className="check switch">
              <input type="checkbox" role="switch" checked={form.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
              Enabled
            </label>
            {!webhook.enabled && webhook.disabledReason && (
              <p className="muted">
                Disabled: {webhook.disabledReason}. Turned on again, it receives the events from now on; those given up stay given up.
              </p>
            )}
            {fieldError(error, 'enabled') && <p className="field-error">{fieldError(error, 'enabled')}</p>}
          </>
        )}
        <FormError error={error} />
        <DialogActions action={webhook ? 'Save webhook' : 'Create webhook'} busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
};
