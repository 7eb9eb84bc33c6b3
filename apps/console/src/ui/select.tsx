import type { SelectHTMLAttributes } from 'react';
import { FieldFrame } from './field-frame';

interface SelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  options: readonly { value: string; label: string }[];
  error?: string;
}

export const Select = ({ label, options, error, ...select }: SelectProps) => (
  <FieldFrame label={label} error={error}>
    {(control) => (
      <select {...control} {...select}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    )}
  </FieldFrame>
);
