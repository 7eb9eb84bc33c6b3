import { useState } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/api-error';
import { ConfirmDialog } from '../../ui/confirm.dialog';
import { Select } from '../../ui/select';

const GRACE_PERIODS = [
  { value: '0', label: 'None: the old key stops now' },
  { value: '3600', label: '1 hour' },
  { value: '86400', label: '24 hours' },
  { value: '604800', label: '7 days' },
] as const;

interface RotateKeyDialogProps {
  keyId: string;
  name: string;
  onRotated: (secret: string) => void;
  onClose: () => void;
}

export const RotateKeyDialog = ({ keyId, name, onRotated, onClose }: RotateKeyDialogProps) => {
  const [grace, setGrace] = useState('86400');
  const rotate = async () => {
    const rotated = await unwrap(api.POST('/v1/keys/{id}/rotate', { params: { path: { id: keyId } }, body: { gracePeriodSeconds: Number(grace) } }));
    if (rotated.key) onRotated(rotated.key);
  };
  return (
    <ConfirmDialog action="Rotate key" onConfirm={rotate} onClose={onClose}>
      <p>
        A new secret replaces the one of <strong>{name}</strong>. Tell the technical owner first: whatever uses the old key must switch to the new one before the grace period ends.
      </p>
      <Select label="Grace period" options={GRACE_PERIODS} value={grace} onChange={(e) => setGrace(e.target.value)} />
    </ConfirmDialog>
  );
};
