import type { ReactNode } from 'react';
import { Dialog } from './dialog';
import { DialogActions } from './dialog-actions';
import { FormError } from './form-error';
import { useSubmit } from './use-submit';

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
  const { busy, error, submit } = useSubmit(onConfirm);
  return (
    <Dialog title={action} onClose={onClose}>
      {children}
      <FormError error={error} />
      <DialogActions action={action} danger={danger} busy={busy} onCancel={onClose} onConfirm={() => void submit()} />
    </Dialog>
  );
};
