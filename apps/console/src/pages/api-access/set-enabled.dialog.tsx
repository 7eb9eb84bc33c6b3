import { api } from '../../api/client';
import { unwrap } from '../../api/api-error';
import type { components } from '../../api/schema.generated';
import { ConfirmDialog } from '../../ui/confirm.dialog';

type Key = components['schemas']['KeyView'];

interface SetEnabledDialogProps {
  apiKey: Key;
  onDone: () => void;
  onClose: () => void;
}

/** Disable (reversible, unlike revoke) or enable again: the API answers once every verifier applies it. */
export const SetEnabledDialog = ({ apiKey, onDone, onClose }: SetEnabledDialogProps) => {
  const disabling = apiKey.enabled;
  const confirm = async () => {
    const path = { params: { path: { id: apiKey.id } }, body: {} };
    await unwrap(disabling ? api.POST('/v1/keys/{id}/disable', path) : api.POST('/v1/keys/{id}/enable', path));
    onDone();
  };
  return (
    <ConfirmDialog action={disabling ? 'Disable key' : 'Enable key'} danger={disabling} onConfirm={confirm} onClose={onClose}>
      {disabling ? (
        <p>
          <strong>{apiKey.name}</strong> stops working at once: verify answers DISABLED until the key is enabled again. Its secret, roles, limits and credits stay as they are.
        </p>
      ) : (
        <p>
          <strong>{apiKey.name}</strong> works again at once, as it did before it was disabled.
        </p>
      )}
    </ConfirmDialog>
  );
};
