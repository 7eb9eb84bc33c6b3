import { useState } from 'react';
import { Dialog } from '../../ui/dialog';

interface SecretDialogProps {
  title: string;
  secret: string;
  onClose: () => void;
}

/** The one time a secret is on screen: copied with the clipboard API, kept only in this dialog's props, gone when it closes. */
export const SecretDialog = ({ title, secret, onClose }: SecretDialogProps) => {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = () =>
    navigator.clipboard.writeText(secret).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  return (
    <Dialog title={title} onClose={onClose}>
      <p className="warning">Copy this key now. It will not be shown again: Keyward keeps only a hash of it.</p>
      <div className="secret">
        <label htmlFor="new-key">New key</label>
        <input id="new-key" readOnly value={secret} spellCheck={false} onFocus={(e) => e.target.select()} />
        <button type="button" onClick={copy}>
          Copy
        </button>
      </div>
      <p role="status">{copied === 'yes' ? 'Copied to the clipboard.' : copied === 'failed' ? 'The browser refused the clipboard: select the key and copy it.' : ''}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
};
