import { ApiError } from '../api/api-error';

/** The sentence of a refusal, announced to screen readers; per-field words are shown at their fields. */
export const FormError = ({ error }: { error: unknown }) =>
  error ? (
    <p role="alert" className="form-error">
      {error instanceof Error ? error.message : 'Something went wrong.'}
    </p>
  ) : null;

export const fieldError = (error: unknown, field: string): string | undefined => (error instanceof ApiError ? error.fields[field] : undefined);
