import { useState } from 'react';
import { api } from '../../api/client';
import { messageOf, unwrap } from '../../api/api-error';
import type { components } from '../../api/schema.generated';
import { usePrincipal } from '../../session/session.context';
import { can } from '../../session/principal';
import { Dialog } from '../../ui/dialog';
import { FormError } from '../../ui/form-error';
import { useLoad } from '../../ui/use-load';

type User = components['schemas']['ApiKeyUser'];
type Role = components['schemas']['RoleView'];

const ChangeRolesDialog = ({ user, roles, onSaved, onClose }: { user: User; roles: readonly Role[]; onSaved: () => void; onClose: () => void }) => {
  const [chosen, setChosen] = useState<string[]>(user.roles);
  const [error, setError] = useState<unknown>(null);
  const save = async () => {
    try {
      await unwrap(api.PUT('/v1/keys/{id}/roles', { params: { path: { id: user.keyId } }, body: { roles: chosen } }));
      onSaved();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Dialog title="Change roles" onClose={onClose}>
      <fieldset>
        <legend>Roles of {user.name}</legend>
        {roles.map((role) => (
          <label key={role.id} className="check">
            <input type="checkbox" checked={chosen.includes(role.id)} onChange={() => setChosen((c) => (c.includes(role.id) ? c.filter((r) => r !== role.id) : [...c, role.id]))} />
            {role.name}
          </label>
        ))}
      </fieldset>
      <p className="muted">The change takes effect at once, for every request the key makes.</p>
      <FormError error={error} />
      <div className="actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={save}>
          Save roles
        </button>
      </div>
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
      <div className="table-wrap" tabIndex={0} role="region" aria-label="API key users table">
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Principal</th>
              <th scope="col">Status</th>
              <th scope="col">Roles</th>
              <th scope="col">Direct permissions</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </table>
      </div>
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
