import { useState } from 'react';
import { api } from '../../api/client';
import { ApiError, messageOf, unwrap } from '../../api/api-error';
import { usePrincipal } from '../../session/session.context';
import { can } from '../../session/principal';
import { useLoad } from '../../ui/use-load';
import { UpgradeRequired } from '../../ui/upgrade-required';
import { CreateKeyDialog } from './create-key.dialog';
import { KeyTable } from './key-table';
import { SecretDialog } from '../../ui/secret.dialog';

/** `/settings/api-access`: the product guides' page; "Upgrade required" instead when the plan has no API access. */
export const ApiAccessPage = () => {
  const principal = usePrincipal();
  const workspace = useLoad(() => unwrap(api.GET('/v1/workspace')), 'workspace');
  const mayWrite = can(principal, 'api_keys', 'write');
  const roles = useLoad(() => (mayWrite && can(principal, 'roles', 'read') ? unwrap(api.GET('/v1/roles')).then((r) => r.items) : Promise.resolve([])), 'roles');
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ title: string; value: string } | null>(null);
  const [version, setVersion] = useState(0);

  const upgrade = workspace.error instanceof ApiError && workspace.error.code === 'PLAN_UPGRADE_REQUIRED';
  if (workspace.error && !upgrade) return <p role="alert">{messageOf(workspace.error)}</p>;
  if (!upgrade && !workspace.data) return <p>Loading…</p>;
  if (upgrade || !workspace.data?.entitlements.apiAccess)
    return (
      <>
        <h1>API access</h1>
        <UpgradeRequired plan={workspace.data?.plan} />
      </>
    );
  return (
    <>
      <div className="page-head">
        <h1>API access</h1>
        {mayWrite && (
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            Create key
          </button>
        )}
      </div>
      <p className="muted">Keys let your services call Keyward. Each key is its own API key user with the roles and permissions it is given.</p>
      <KeyTable principal={principal} version={version} onSecret={(title, value) => setSecret({ title, value })} />
      {creating && (
        <CreateKeyDialog
          workspace={workspace.data}
          roles={roles.data ?? []}
          onClose={() => setCreating(false)}
          onCreated={(value) => {
            setCreating(false);
            setVersion((v) => v + 1);
            setSecret({ title: 'Key created', value });
          }}
        />
      )}
      {secret && (
        <SecretDialog
          title={secret.title}
          label="New key"
          warning="Copy this key now. It will not be shown again: Keyward keeps only a hash of it."
          secret={secret.value}
          onClose={() => setSecret(null)}
        />
      )}
    </>
  );
};
