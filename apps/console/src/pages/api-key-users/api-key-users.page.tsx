import { useState } from 'react';
import { api } from '../../api/client';
import { messageOf, unwrap } from '../../api/api-error';
import type { components } from '../../api/schema.generated';
import { usePrincipal } from '../../session/session.context';
import { can } from '../../session/principal';
import { Dialog } from '../../ui/dialog';
import { FormError, fieldError } from '../../ui/form-error';
import { DialogActions } from '../../ui/dialog-actions';
import { DataTable } from '../../ui/data-table';
import { useSubmit } from '../../ui/use-submit';
import { RoleChecklist } from '../role-checklist';
import { useLoad } from '../../ui/use-load';

type User = components['schemas']['ApiKeyUser'];
type Role = components['schemas']['RoleView'];

const ChangeRolesDialog = ({ user, roles, onSaved, onClose }: { user: User; roles: readonly Role[]; onSaved: () => void; onClose: () => void }) => {
  const [chosen, setChosen] = useState<string[]>(user.roles);
  const { busy, error, submit } = useSubmit(async () => {
    await unwrap(api.PUT('/v1/keys/{id}/roles', { params: { path: { id: user.keyId } }, body: { roles: chosen } }));
    onSaved();
  });
  return (
    <Dialog title="Change roles" onClose={onClose}>
      <form onSubmit={submit}>
        <RoleChecklist legend={`Roles of ${user.name}`} roles={roles} chosen={chosen} onChange={setChosen} error={fieldError(error, 'roles')} />
        <p className="muted">The change takes effect at once, for every request the key makes.</p>
        <FormError error={error} />
        <DialogActions action="Save roles" busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
};

/** Every key is a principal of its own (a service account): its roles, direct permissions and shares. */
export const ApiKeyUsersPage = () => {
  const principal = usePrincipal();
  const [pages, setPages] = useState<(string | null)[]>([null]);
  const users = useLoad(async () => {
    const items: User[] = [];
    let next: string | null = null;
    for (const cursor of pages) {
      const page = await unwrap(api.GET('/v1/api-key-users', { params: { query: { limit: 50, cursor: cursor ?? undefined } } }));
      items.push(...page.items);
      next = page.nextCursor;
    }
    return { items, next };
  }, pages.join(','));
  const roles = useLoad(() => (can(principal, 'roles', 'read') ? unwrap(api.GET('/v1/roles')).then((r) => r.items) : Promise.resolve([])), 'roles');
  const [changing, setChanging] = useState<User | null>(null);
  const writable = can(principal, 'api_keys', 'write');
  const roleName = (id: string) => roles.data?.find((r) => r.id === id)?.name ?? id;
  return (
    <>
      <h1>API key users</h1>
      <p className="muted">Each key acts as its own user. It is never part of "everyone" and takes no human seat.</p>
      {Boolean(users.error) && <p role="alert">{messageOf(users.error)}</p>}
      <DataTable label="API key users table" columns={['Name', 'Principal', 'Status', 'Roles', 'Direct permissions', 'Actions']}>
        {users.data?.items.map((user) => (
          <tr key={user.id}>
            <th scope="row">{user.name}</th>
            <td>
              <code>{user.id}</code>
            </td>
            <td>{user.status}</td>
            <td>{user.unrestricted ? 'Full access' : user.roles.map(roleName).join(', ') || 'none'}</td>
            <td>
              {Object.entries(user.permissions)
                .filter(([, level]) => level !== 'none')
                .map(([resource, level]) => `${resource}: ${level}`)
                .join(', ') || 'none'}
            </td>
            <td>
              {writable && user.status === 'active' && (
                <button type="button" onClick={() => setChanging(user)}>
                  Change roles
                </button>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      {users.data?.next && (
        <button type="button" onClick={() => setPages((p) => [...p, users.data?.next ?? null])}>
          Load more
        </button>
      )}
      {changing && (
        <ChangeRolesDialog
          user={changing}
          roles={roles.data ?? []}
          onClose={() => setChanging(null)}
          onSaved={() => {
            setChanging(null);
            users.reload();
          }}
        />
      )}
    </>
  );
};
