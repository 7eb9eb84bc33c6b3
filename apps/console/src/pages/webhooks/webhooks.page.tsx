import { Fragment, useState } from 'react';
import { api } from '../../api/client';
import { messageOf, unwrap } from '../../api/api-error';
import type { components } from '../../api/schema.generated';
import { usePrincipal } from '../../session/session.context';
import { can } from '../../session/principal';
import { ConfirmDialog } from '../../ui/confirm.dialog';
import { DataTable } from '../../ui/data-table';
import { formatTime } from '../../ui/format';
import { SecretDialog } from '../../ui/secret.dialog';
import { useLoad } from '../../ui/use-load';
import { WebhookDeliveries } from './webhook-deliveries';
import { WebhookFormDialog } from './webhook-form.dialog';

type Webhook = components['schemas']['WebhookView'];
type Action = { kind: 'edit' | 'rotate' | 'delete'; webhook: Webhook };

const SECRET_WARNING = 'Copy this signing secret now. It will not be shown again: your receiver needs it to verify each delivery (Standard Webhooks).';
const COLUMNS = ['URL', 'Events', 'Status', 'Created', 'Actions'];

/** Enabled, or disabled and why (the sender turns off an endpoint that failed for its whole retry period). */
const WebhookStatus = ({ webhook }: { webhook: Webhook }) =>
  webhook.enabled ? (
    <span className="badge active">enabled</span>
  ) : (
    <>
      <span className="badge revoked">disabled</span>
      {webhook.disabledReason && <div className="muted">{webhook.disabledReason}</div>}
    </>
  );

/** `/settings/webhooks` (product.md 9.5, 11): a workspace's endpoints, their signing secrets shown once, their deliveries. */
export const WebhooksPage = () => {
  const principal = usePrincipal();
  const readable = can(principal, 'webhooks', 'read');
  const writable = can(principal, 'webhooks', 'write');
  const list = useLoad(() => (readable ? unwrap(api.GET('/v1/webhooks')).then((l) => l.items) : Promise.resolve([])), 'webhooks');
  const [creating, setCreating] = useState(false);
  const [action, setAction] = useState<Action | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ title: string; value: string | null } | null>(null);
  const done = () => {
    setAction(null);
    list.reload();
  };
  const close = () => setAction(null);
  if (!readable)
    return (
      <>
        <h1>Webhooks</h1>
        <p className="notice">This key may not read webhooks: it needs the webhooks:read permission.</p>
      </>
    );
  return (
    <>
      <div className="page-head">
        <h1>Webhooks</h1>
        {writable && (
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            Create webhook
          </button>
        )}
      </div>
      <p className="muted">Endpoints told when a key is revoked or reported leaked, or a credential is deleted. Each delivery is signed with the endpoint&apos;s secret and retried for 24 hours.</p>
      {Boolean(list.error) && <p role="alert">{messageOf(list.error)}</p>}
      <DataTable label="Webhooks table" columns={COLUMNS} busy={list.loading}>
        {list.data?.map((webhook) => (
          <Fragment key={webhook.id}>
            <tr>
              <th scope="row">
                <code>{webhook.url}</code>
                {webhook.description && <div className="muted">{webhook.description}</div>}
              </th>
              <td>{webhook.events.join(', ')}</td>
              <td>
                <WebhookStatus webhook={webhook} />
              </td>
              <td>{formatTime(webhook.createdAt)}</td>
              <td className="row-actions">
                <button type="button" aria-expanded={open === webhook.id} onClick={() => setOpen(open === webhook.id ? null : webhook.id)}>
                  Deliveries
                </button>
                {writable && (
                  <>
                    <button type="button" onClick={() => setAction({ kind: 'edit', webhook })}>
                      Edit
                    </button>
                    <button type="button" onClick={() => setAction({ kind: 'rotate', webhook })}>
                      Rotate secret
                    </button>
                    <button type="button" className="danger" onClick={() => setAction({ kind: 'delete', webhook })}>
                      Delete
                    </button>
                  </>
                )}
              </td>
            </tr>
            {open === webhook.id && (
              <tr className="details-row">
                <td colSpan={COLUMNS.length}>
                  <WebhookDeliveries webhook={webhook} />
                </td>
              </tr>
            )}
          </Fragment>
        ))}
      </DataTable>
      {list.data?.length === 0 && <p>No webhook yet.</p>}
      {creating && (
        <WebhookFormDialog
          onClose={() => setCreating(false)}
          onSaved={() => setCreating(false)}
          onCreated={(value) => {
            setCreating(false);
            list.reload();
            setSecret({ title: 'Webhook created', value });
          }}
        />
      )}
      {action?.kind === 'edit' && <WebhookFormDialog webhook={action.webhook} onSaved={done} onClose={close} />}
      {action?.kind === 'rotate' && (
        <ConfirmDialog action="Rotate secret" onClose={close} onConfirm={async () => {
          const rotated = await unwrap(api.POST('/v1/webhooks/{id}/secret', { params: { path: { id: action.webhook.id } } }));
          done();
          setSecret({ title: 'Secret rotated', value: rotated.secret });
        }}>
          <p>
            A new signing secret replaces the one of <code>{action.webhook.url}</code> at once: every delivery from now on, retries included, is signed with it. Update the receiver right
            after.
          </p>
        </ConfirmDialog>
      )}
      {action?.kind === 'delete' && (
        <ConfirmDialog action="Delete webhook" danger onClose={close} onConfirm={async () => {
          await unwrap(api.DELETE('/v1/webhooks/{id}', { params: { path: { id: action.webhook.id } } }));
          if (open === action.webhook.id) setOpen(null);
          done();
        }}>
          <p>
            <code>{action.webhook.url}</code> gets nothing more, deliveries waiting included, and its signing secret is destroyed. This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
      {secret?.value && <SecretDialog title={secret.title} label="Signing secret" warning={SECRET_WARNING} secret={secret.value} onClose={() => setSecret(null)} />}
    </>
  );
};
