import { useState } from 'react';
import { api } from '../../api/client';
import { messageOf, unwrap } from '../../api/api-error';
import type { components } from '../../api/schema.generated';
import { Dialog } from '../../ui/dialog';
import { DialogActions } from '../../ui/dialog-actions';
import { Field } from '../../ui/field';
import { FormError, fieldError } from '../../ui/form-error';
import { UpgradeRequired } from '../../ui/upgrade-required';
import { useDebounced } from '../../ui/use-debounced';
import { useLoad } from '../../ui/use-load';
import { useSubmit } from '../../ui/use-submit';
import { RoleChecklist } from '../role-checklist';
import { nameOf } from '../use-key-names';

type Credential = components['schemas']['CredentialView'];
type Role = components['schemas']['RoleView'];
type Workspace = components['schemas']['WorkspaceView'];

/** Active keys whose name or prefix matches, a few at a time: the workspace may hold 10,000. */
const KeySearch = ({ chosen, onAdd }: { chosen: readonly string[]; onAdd: (id: string, name: string) => void }) => {
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 250);
  const found = useLoad(
    () => (query ? unwrap(api.GET('/v1/keys', { params: { query: { search: query, status: 'active', limit: 8 } } })).then((page) => page.items) : Promise.resolve([])),
    query,
  );
  const offered = (found.data ?? []).filter((key) => !chosen.includes(key.id));
  return (
    <>
      <Field label="Find a key" type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Name or prefix" />
      {Boolean(found.error) && <p role="alert">{messageOf(found.error)}</p>}
      {offered.length > 0 && (
        <ul className="picker" aria-label="Keys found">
          {offered.map((key) => (
            <li key={key.id}>
              {key.name} <code>{key.maskedKey}</code>
              <button type="button" aria-label={`Add ${key.name}`} onClick={() => onAdd(key.id, key.name)}>
                Add
              </button>
            </li>
          ))}
        </ul>
      )}
      {query && found.data?.length === 0 && <p className="muted">No active key matches.</p>}
    </>
  );
};

interface ShareCredentialDialogProps {
  credential: Credential;
  workspace: Workspace | undefined;
  roles: readonly Role[];
  keyNames: ReadonlyMap<string, string>;
  /** api_keys:read, to search keys by name; without it the keys shared stay as they are. */
  mayFindKeys: boolean;
  onSaved: () => void;
  onClose: () => void;
}

/** `PUT /v1/credentials/:id/sharing`: the keys and roles chosen become the sharing (enterprise plan; making it personal again needs none). */
export const ShareCredentialDialog = ({ credential, workspace, roles, keyNames, mayFindKeys, onSaved, onClose }: ShareCredentialDialogProps) => {
  const [keys, setKeys] = useState<string[]>(credential.sharedWith.keys);
  const [chosenRoles, setChosenRoles] = useState<string[]>(credential.sharedWith.roles);
  const [added, setAdded] = useState<ReadonlyMap<string, string>>(new Map());
  const { busy, error, submit } = useSubmit(async () => {
    await unwrap(api.PUT('/v1/credentials/{id}/sharing', { params: { path: { id: credential.id } }, body: { keys, roles: chosenRoles } }));
    onSaved();
  });
  const name = (id: string) => added.get(id) ?? nameOf(keyNames, id);
  // Roles shared already stay listed even if the caller cannot read roles, so that saving keeps them.
  const listed = [...roles, ...chosenRoles.filter((id) => !roles.some((r) => r.id === id)).map((id) => ({ id, name: id }))];
  return (
    <Dialog title="Share credential" onClose={onClose}>
      <form onSubmit={submit}>
        <p>
          Who may use <strong>{credential.name}</strong> besides the key that stored it. Choose none to keep it personal.
        </p>
        {workspace && !workspace.entitlements.credentialSharing && (
          <UpgradeRequired plan={workspace.plan} feature="credential sharing" upgrade="the enterprise plan to share credentials with keys and roles" />
        )}
        <RoleChecklist legend="Share with roles" roles={listed} chosen={chosenRoles} onChange={setChosenRoles} error={fieldError(error, 'roles')} />
        <fieldset>
          <legend>Share with keys</legend>
          {keys.length === 0 ? (
            <p className="muted">No key.</p>
          ) : (
            <ul className="picker" aria-label="Keys shared with">
              {keys.map((id) => (
                <li key={id}>
                  {name(id)} <code>{id}</code>
                  <button type="button" aria-label={`Remove ${name(id)}`} onClick={() => setKeys(keys.filter((k) => k !== id))}>
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          )}
          {fieldError(error, 'keys') && <p className="field-error">{fieldError(error, 'keys')}</p>}
          {mayFindKeys && (
            <KeySearch
              chosen={keys}
              onAdd={(id, keyName) => {
                setKeys([...keys, id]);
                setAdded(new Map(added).set(id, keyName));
              }}
            />
          )}
        </fieldset>
        <FormError error={error} />
        <DialogActions action="Save sharing" busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
};
