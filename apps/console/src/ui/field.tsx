import type { InputHTMLAttributes, ReactNode } from 'react';
import { FieldFrame } from './field-frame';

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  error?: string;
  hint?: ReactNode;
}

/** A labelled input with its hint and the API's words about it. */
export const Field = ({ label, error, hint, ...input }: FieldProps) => (
  <FieldFrame label={label} error={error} hint={hint}>
    {(control) => <input {...control} {...input} />}
  </FieldFrame>
);
