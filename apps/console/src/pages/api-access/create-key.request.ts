import type { components } from '../../api/schema.generated';
import { localInputToIso } from '../../ui/format';
import type { Level } from '../level';
import { createFieldsOf, keyFieldsFormOf, type KeyFieldsForm } from './key-fields.form';

type CreateKeyRequest = components['schemas']['CreateKeyRequestDto'];

/**
 * Product.md section 2: a key is unrestricted only when asked; naming roles or turning "Restrict key"
 * on makes it hold exactly what is chosen (every resource starts at None). Credits and metadata only when set.
 */
export const requestOf = (
  name: string,
  expires: string,
  environment: 'live' | 'test',
  roles: string[],
  restricted: boolean,
  levels: Record<string, Level>,
  fields: KeyFieldsForm = keyFieldsFormOf(),
): CreateKeyRequest => ({
  name,
  environment,
  expiresAt: localInputToIso(expires),
  ...createFieldsOf(fields),
  ...(restricted ? { permissions: levels, roles } : roles.length > 0 ? { roles } : { unrestricted: true }),
});
