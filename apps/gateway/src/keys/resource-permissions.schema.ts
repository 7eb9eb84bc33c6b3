import type { ApiPropertyOptions } from '@nestjs/swagger';
import { ACCESS_LEVELS } from '@keyward/domain';

/** `{ resource: level }`: how every body and answer shows a key's direct permissions. */
export const RESOURCE_PERMISSIONS: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: { type: 'string', enum: [...ACCESS_LEVELS] },
  example: { calls: 'read', contacts: 'write' },
  description: 'direct permissions per resource type',
};
