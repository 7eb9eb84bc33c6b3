import { useState, type ReactNode } from 'react';
import { Dialog } from './dialog';
import { FormError } from './form-error';

interface ConfirmDialogProps {
  /** The dialog's title, and the name of its confirm button. */
  action: string;
  children: ReactNode;
  danger?: boolean;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

/** A confirmation whose button is named as the dialog; a refusal is shown in it rather than closing it. */
export const ConfirmDialog = ({ action, children, danger, onConfirm, onClose }: ConfirmDialogProps) => {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <Dialog title={action} onClose={onClose}>
      {children}
      <FormError error={error} />
      <div className="actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className={danger ? 'danger' : 'primary'} disabled={busy} onClick={confirm}>
          {action}
        </button>
      </div>
    </Dialog>
  );
};
