interface DialogActionsProps {
  /** The confirm button's name. */
  action: string;
  onCancel: () => void;
  busy?: boolean;
  danger?: boolean;
  /** `submit` inside a form; otherwise the button calls `onConfirm`. */
  onConfirm?: () => void;
}

/** Cancel, and the dialog's one action named as it. */
export const DialogActions = ({ action, onCancel, busy, danger, onConfirm }: DialogActionsProps) => (
  <div className="actions">
    <button type="button" onClick={onCancel}>
      Cancel
    </button>
    <button type={onConfirm ? 'button' : 'submit'} className={danger ? 'danger' : 'primary'} disabled={busy} onClick={onConfirm}>
      {action}
    </button>
  </div>
);
