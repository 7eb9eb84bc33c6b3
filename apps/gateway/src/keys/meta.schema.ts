import type { ApiPropertyOptions } from '@nestjs/swagger';
import { MAX_META_BYTES } from '@keyward/domain';

/** How the document shows metadata, on requests and answers alike. */
export const META_SCHEMA = (description: string): ApiPropertyOptions => ({
  type: 'object',
  additionalProperties: true,
  example: { plan: 'pro', customerId: 'cus_42' },
  description: `${description}; a JSON object of at most ${MAX_META_BYTES} bytes. Never a place for secrets`,
});
