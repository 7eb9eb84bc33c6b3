import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate } from 'class-validator';
import type { ErrorDetail } from '@keyward/contracts';
import { validationDetails, VALIDATOR_OPTIONS } from '../errors/validation.pipe';

export type Validated<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly details: readonly ErrorDetail[] };

/** What the global ValidationPipe does with a body or query, with class-transformer and class-validator directly. */
export const validateDto = async <T extends object>(type: ClassConstructor<T>, plain: object): Promise<Validated<T>> => {
  const value = plainToInstance(type, plain);
  const errors = await validate(value, VALIDATOR_OPTIONS);
  return errors.length === 0 ? { ok: true, value } : { ok: false, details: validationDetails(errors) };
};

/** The fields named by a failed validation; none when it passed. */
export const failingFields = <T>(result: Validated<T>): string[] => (result.ok ? [] : [...new Set(result.details.map((d) => d.field))]);
