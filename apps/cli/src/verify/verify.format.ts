import type { VerifyAnswer } from '@keyward/contracts';
import { ExitCodes, type ExitCode } from '../exit-codes';
import { cell, fields } from '../output/table';

/** The verifier's answer, a field a line (product.md section 4). */
export const answerFields = (a: VerifyAnswer): string =>
  fields([
    ['valid', a.valid ? 'yes' : 'no'],
    ['code', a.code],
    ['key id', cell(a.keyId)],
    ['workspace', cell(a.workspaceId)],
    ['name', cell(a.name)],
    ['environment', cell(a.environment)],
    ['expires', cell(a.expiresAt)],
    ['roles', cell(a.roles)],
    ['permissions', cell(a.permissions)],
    ['rate limit', a.ratelimit ? `${a.ratelimit.remaining}/${a.ratelimit.limit} left until ${a.ratelimit.reset}${a.ratelimit.degraded ? ' (degraded)' : ''}` : '-'],
  ]);

/** VALID is 0; a denial is an answer, not a crash (3); UNAVAILABLE is "retry" (4). */
export const verifyExitCode = (a: VerifyAnswer): ExitCode => (a.code === 'VALID' ? ExitCodes.ok : a.code === 'UNAVAILABLE' ? ExitCodes.unavailable : ExitCodes.negative);
