import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { MAX_REQUIRED_PERMISSIONS } from '@keyward/contracts';
import { parsePermissionQuery } from '@keyward/domain';
import type { KeyAccessQuestion } from '@keyward/read-models';
import { ApiError } from '../../errors/api-error';
import { IsIpAddress, IsPermissionQuery, IsZonedDateTime } from '../../validation/field.validators';

/** `GET /v1/keys/:id/access?asOf=&require=&ip=`: what a verify at a past moment would have answered. */
export class GetKeyAccessRequestDto {
  @ApiPropertyOptional({ format: 'date-time', example: '2026-11-23T10:00:00Z', description: 'the moment asked about; now when left out' })
  @IsOptional()
  @IsZonedDateTime()
  asOf?: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_REQUIRED_PERMISSIONS,
    example: ['(contacts:read OR contacts:write) AND calls:read'],
    description: 'what the verify would have required, as `require` of keyward.v1.verify: a permission or a query with AND, OR and parentheses; repeated, a list of permissions that must all hold (no queries)',
  })
  @IsOptional()
  @IsPermissionQuery()
  require?: string | string[];

  @ApiPropertyOptional({ example: '203.0.113.7', description: "the caller's address the verify would have carried; without it a key with an IP allowlist answers FORBIDDEN, as a verify would" })
  @IsOptional()
  @IsIpAddress()
  ip?: string;
}

/** The question the validated query asks (validation already read `require` by the same rule; this only keeps it parsed). */
export const keyAccessQuestionOf = (query: GetKeyAccessRequestDto, now: Date): KeyAccessQuestion => {
  const required = parsePermissionQuery(query.require);
  if (!required) throw ApiError.invalid([{ field: 'require', message: 'require is not a permission query' }]);
  return { asOf: query.asOf === undefined ? now : new Date(query.asOf), required, ip: query.ip };
};
