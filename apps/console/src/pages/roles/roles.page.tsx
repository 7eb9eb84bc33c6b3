import { useState } from 'react';
import { api } from '../../api/client';
import { messageOf, unwrap } from '../../api/api-error';
import type { components } from '../../api/schema.generated';
import { usePrincipal } from '../../session/session.context';
import { can } from '../../session/principal';
import { ConfirmDialog } from '../../ui/confirm.dialog';
import { useLoad } from '../../ui/use-load';
import { RoleFormDialog } from './role-form.dialog';
import { DataTable } from '../../ui/data-table';

type Role = components['schemas']['RoleView'];

/** Built-in roles (admin, read-only) and the workspace's own; custom roles need a plan with them (the API answers 402 otherwise). */
export const RolesPage = () => {
  const principal = usePrincipal();
  const roles = useLoad(() => unwrap(api.GET('/v1/roles')), 'roles');
  const workspace = useLoad(() => unwrap(api.GET('/v1/workspace')), 'workspace');
  const [editing, setEditing] = useState<Role | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Role | null>(null);
  const writable = can(principal, 'roles', 'write');
  const catalogue = workspace.data?.settings.resourceCatalogue ?? [];
  return (
    <>
      <div className="page-head">
        <h1>Roles</h1>
        {writable && workspace.data && (
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            Create role
          </button>
        )}
      </div>
      {workspace.data && !workspace.data.entitlements.customRoles && <p className="notice">Custom roles need the enterprise plan: upgrade required to create them.</p>}
      {Boolean(roles.error) && <p role="alert">{messageOf(roles.error)}</p>}
      <DataTable label="Roles table" columns={['Name', 'Description', 'Permissions', 'Actions']}>
        {roles.data?.items.map((role) => (
          <tr key={role.id}>
            <th scope="row">
              {role.name} {role.builtIn && <span className="badge">built-in</span>}
            </th>
            <td>{role.description}</td>
            <td>{role.permissions.length ? role.permissions.join(', ') : 'none'}</td>
            <td className="row-actions">
              {writable && !role.builtIn && (
                <>
                  <button type="button" onClick={() => setEditing(role)}>
                    Edit
                  </button>
                  <button type="button" className="danger" onClick={() => setDeleting(role)}>
                    Delete
                  </button>
                </>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      {editing && (
        <RoleFormDialog
          role={editing === 'new' ? null : editing}
          catalogue={catalogue}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            roles.reload();
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog action="Delete role" danger onClose={() => setDeleting(null)} onConfirm={async () => {
          await unwrap(api.DELETE('/v1/roles/{id}', { params: { path: { id: deleting.id } } }));
          setDeleting(null);
          roles.reload();
        }}>
          <p>
            Keys holding <strong>{deleting.name}</strong> lose its permissions at once.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
};
