import { validationError } from './domain.error';
import { isStorableText } from './text/untrusted-input';

export const MAX_NAME_LENGTH = 100;
/** C0, DEL and C1 controls would let a name forge lines in logs and consoles. */
export const CONTROL_CHARACTER = /\p{Cc}/u;

/** Untrusted input a name or a description is made of (where a command is parsed). */
export const textInput = (raw: unknown, field: string): string => {
  if (typeof raw !== 'string') throw validationError(field, `${field} must be a string`);
  return raw;
};

/** Trimmed, 1 to `max` characters (counted as code points, like the gateway), no control characters. */
export const validName = (raw: string, field: string, max = MAX_NAME_LENGTH): string => {
  const name = raw.trim();
  const length = [...name].length;
  if (length === 0 || length > max) throw validationError(field, `${field} must be 1 to ${max} characters`);
  if (CONTROL_CHARACTER.test(name)) throw validationError(field, `${field} must not contain control characters`);
  if (!isStorableText(name)) throw validationError(field, `${field} must be well-formed Unicode text`);
  return name;
};

/** Like a name, but may be empty. */
export const validDescription = (raw: string | undefined, field: string, max: number): string => {
  if (raw === undefined || raw.trim() === '') return '';
  return validName(raw, field, max);
};
