import { useId, useState } from 'react';
import { Dialog } from './dialog';

interface SecretDialogProps {
  title: string;
  /** The secret's field label ("New key", "Signing secret"). */
  label: string;
  /** Why to copy it now; says it "will not be shown again". */
  warning: string;
  secret: string;
  onClose: () => void;
}

/** The one time a secret (a key, a webhook's signing secret) is on screen: copied with the clipboard API, kept only in this dialog's props, gone when it closes. */
export const SecretDialog = ({ title, label, warning, secret, onClose }: SecretDialogProps) => {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const inputId = useId();
  const copy = () =>
    navigator.clipboard.writeText(secret).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  return (
    <Dialog title={title} onClose={onClose}>
      <p className="warning">{warning}</p>
      <div className="secret">
        <label htmlFor={inputId}>{label}</label>
        <input id={inputId} readOnly value={secret} spellCheck={false} onFocus={(e) => e.target.select()} />
        <button type="button" onClick={copy}>
          Copy
        </button>
      </div>
      <p role="status">{copied === 'yes' ? 'Copied to the clipboard.' : copied === 'failed' ? `The browser refused the clipboard: select the ${label.toLowerCase()} and copy it.` : ''}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
};
