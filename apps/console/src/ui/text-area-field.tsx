import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { FieldFrame } from './field-frame';

interface TextAreaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  error?: string;
  hint?: ReactNode;
}

/** A labelled text area (a list, one entry a line) with its hint and the API's words about it. */
export const TextAreaField = ({ label, error, hint, ...textarea }: TextAreaFieldProps) => (
  <FieldFrame label={label} error={error} hint={hint}>
    {(control) => <textarea {...control} {...textarea} />}
  </FieldFrame>
);
