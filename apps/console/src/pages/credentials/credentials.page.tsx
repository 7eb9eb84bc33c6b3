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
import { ShareCredentialDialog } from './share-credential.dialog';
import { nameOf, useKeyNames } from '../use-key-names';
import { DataTable } from '../../ui/data-table';

type Credential = components['schemas']['CredentialView'];
type Action = { kind: 'edit' | 'share' | 'rotate' | 'delete'; credential: Credential };

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

/** Roles and keys by name; nobody: the owner alone. */
const SharedWith = ({ roles, keys }: { roles: readonly string[]; keys: readonly string[] }) =>
  roles.length + keys.length === 0 ? (
    <>Personal</>
  ) : (
    <>
      {roles.length > 0 && <div>Roles: {roles.join(', ')}</div>}
      {keys.length > 0 && <div>Keys: {keys.join(', ')}</div>}
    </>
  );

/** Third-party credentials of the vault (product.md 9.4), by service; values are never shown, only their last 4 characters. */
export const CredentialsPage = () => {
  const principal = usePrincipal();
  const [service, setService] = useState('');
  const filter = useDebounced(service.trim(), 250);
  const list = useLoad(() => unwrap(api.GET('/v1/credentials', { params: { query: { service: filter || undefined } } })), filter);
  const [adding, setAdding] = useState(false);
  const [action, setAction] = useState<Action | null>(null);
  const writable = can(principal, 'credentials', 'write');
  const mayReadKeys = can(principal, 'api_keys', 'read');
  const workspace = useLoad(() => unwrap(api.GET('/v1/workspace')), 'workspace');
  const roles = useLoad(() => (can(principal, 'roles', 'read') ? unwrap(api.GET('/v1/roles')).then((r) => r.items) : Promise.resolve([])), 'roles');
  const keyNames = useKeyNames(list.data?.items.flatMap((c) => c.sharedWith.keys) ?? [], mayReadKeys);
  const roleName = (id: string) => roles.data?.find((r) => r.id === id)?.name ?? id;
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
            <td>
              <SharedWith roles={credential.sharedWith.roles.map(roleName)} keys={credential.sharedWith.keys.map((id) => nameOf(keyNames, id))} />
            </td>
            <td>{formatTime(credential.rotatedAt, 'Never')}</td>
            <td className="row-actions">
              {writable && (
                <>
                  <button type="button" onClick={() => setAction({ kind: 'edit', credential })}>
                    Edit
                  </button>
                  {/* Sharing is the owner's (or root's) alone: the API refuses anyone else (403). */}
                  {(principal.root || principal.keyId === credential.owner) && (
                    <button type="button" onClick={() => setAction({ kind: 'share', credential })}>
                      Share
                    </button>
                  )}
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
      {action?.kind === 'edit' && <CredentialFormDialog credential={action.credential} onSaved={done} onClose={close} />}
      {action?.kind === 'share' && (
        <ShareCredentialDialog
          credential={action.credential}
          workspace={workspace.data}
          roles={roles.data ?? []}
          keyNames={keyNames}
          mayFindKeys={mayReadKeys}
          onSaved={done}
          onClose={close}
        />
      )}
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
