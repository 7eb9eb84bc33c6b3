import { useState } from 'react';
import { api } from '../../api/client';
import { messageOf, unwrap } from '../../api/api-error';
import type { components } from '../../api/schema.generated';
import { usePrincipal } from '../../session/session.context';
import { can } from '../../session/principal';
import { ConfirmDialog } from '../../ui/confirm.dialog';
import { Field } from '../../ui/field';
import { formatTime } from '../../ui/format';
import { useDebounced } from '../../ui/use-debounced';
import { useLoad } from '../../ui/use-load';
import { CredentialFormDialog } from './credential-form.dialog';
import { listOf } from '../../ui/list-of';
import { DataTable } from '../../ui/data-table';

type Credential = components['schemas']['CredentialView'];
type Action = { kind: 'share' | 'rotate' | 'delete'; credential: Credential };

const ShareDialog = ({ credential, done, close }: { credential: Credential; done: () => void; close: () => void }) => {
  const [keys, setKeys] = useState(credential.sharedWith.keys.join(', '));
  const [roles, setRoles] = useState(credential.sharedWith.roles.join(', '));
  return (
    <ConfirmDialog action="Share credential" onClose={close} onConfirm={async () => {
      await unwrap(api.PUT('/v1/credentials/{id}/sharing', { params: { path: { id: credential.id } }, body: { keys: listOf(keys), roles: listOf(roles) } }));
      done();
    }}>
      <p>Who may use {credential.name} besides its owner. Leave both empty to keep it personal.</p>
      <Field label="Key ids" value={keys} onChange={(e) => setKeys(e.target.value)} hint="Separated by commas." />
      <Field label="Role ids" value={roles} onChange={(e) => setRoles(e.target.value)} hint="Separated by commas." />
    </ConfirmDialog>
  );
};

const RotateValueDialog = ({ credential, done, close }: { credential: Credential; done: () => void; close: () => void }) => {
  const [value, setValue] = useState('');
  return (
    <ConfirmDialog action="Rotate value" onClose={close} onConfirm={async () => {
      await unwrap(api.PUT('/v1/credentials/{id}/value', { params: { path: { id: credential.id } }, body: { value } }));
      done();
    }}>
      <p>Users of {credential.name} continue unchanged, with the new value.</p>
      <Field label="New value" type="password" autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} required />
    </ConfirmDialog>
  );
};

/** Third-party credentials of the vault (product.md 9.4), by service; values are never shown, only their last 4 characters. */
export const CredentialsPage = () => {
  const principal = usePrincipal();
  const [service, setService] = useState('');
  const filter = useDebounced(service.trim(), 250);
  const list = useLoad(() => unwrap(api.GET('/v1/credentials', { params: { query: { service: filter || undefined } } })), filter);
  const [adding, setAdding] = useState(false);
  const [action, setAction] = useState<Action | null>(null);
  const writable = can(principal, 'credentials', 'write');
  const done = () => {
    setAction(null);
    list.reload();
  };
  const close = () => setAction(null);
  return (
    <>
      <div className="page-head">
        <h1>Credentials</h1>
        {writable && (
          <button type="button" className="primary" onClick={() => setAdding(true)}>
            Add credential
          </button>
        )}
      </div>
      <div className="filters">
        <Field label="Filter by service" type="search" value={service} onChange={(e) => setService(e.target.value)} />
      </div>
      {Boolean(list.error) && <p role="alert">{messageOf(list.error)}</p>}
      <DataTable label="Credentials table" columns={['Service', 'Name', 'Sent as', 'Hosts', 'Value', 'Shared with', 'Rotated', 'Actions']}>
        {list.data?.items.map((credential) => (
          <tr key={credential.id}>
            <td>{credential.service}</td>
            <th scope="row">{credential.name}</th>
            <td>
              {credential.location} <code>{credential.parameterName}</code>
            </td>
            <td>{credential.allowedHosts.join(', ')}</td>
            <td>
              <code>…{credential.lastFour}</code>
            </td>
            <td>{[...credential.sharedWith.keys, ...credential.sharedWith.roles].join(', ') || 'Personal'}</td>
            <td>{formatTime(credential.rotatedAt, 'Never')}</td>
            <td className="row-actions">
              {writable && (
                <>
                  <button type="button" onClick={() => setAction({ kind: 'share', credential })}>
                    Share
                  </button>
                  <button type="button" onClick={() => setAction({ kind: 'rotate', credential })}>
                    Rotate value
                  </button>
                  <button type="button" className="danger" onClick={() => setAction({ kind: 'delete', credential })}>
                    Delete
                  </button>
                </>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      {list.data?.items.length === 0 && <p>No credential{filter ? ` for ${filter}` : ''} yet.</p>}
      {adding && (
        <CredentialFormDialog
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            list.reload();
          }}
        />
      )}
      {action?.kind === 'share' && <ShareDialog credential={action.credential} done={done} close={close} />}
      {action?.kind === 'rotate' && <RotateValueDialog credential={action.credential} done={done} close={close} />}
      {action?.kind === 'delete' && (
        <ConfirmDialog action="Delete credential" danger onClose={close} onConfirm={async () => {
          await unwrap(api.DELETE('/v1/credentials/{id}', { params: { path: { id: action.credential.id } } }));
          done();
        }}>
          <p>
            Every workflow and service that uses <strong>{action.credential.name}</strong> will fail from now on. Its value is destroyed and cannot be recovered.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
};
