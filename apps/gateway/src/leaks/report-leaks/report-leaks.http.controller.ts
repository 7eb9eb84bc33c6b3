import { createHash } from 'node:crypto';
import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { LeakReportKey } from '@keyward/config';
import { ErrorCodes, Subjects } from '@keyward/contracts';
import { mapBounded } from '@keyward/platform';
import { Public } from '../../auth/public.decorator';
import { CommandClient } from '../../commands/command.client';
import { ApiError } from '../../errors/api-error';
import { ApiErrors } from '../../errors/api-errors.decorator';
import { answerWritten, CONSISTENCY_ANSWER_HEADER } from '../../http/consistency.header';
import type { GatewayRequest } from '../../http/gateway-request';
import { KeyFinder, type FoundKey } from '../key-finder';
import { parseLeakReport, type LeakReportEntry } from '../leak-report.parse';
import { isSignedLeakReport } from '../leak-report.signature';
import { LEAK_REPORT_KEYS } from '../leak-report-keys.provider';
import { systemContext } from '../system-context';
import { LeakReportEntryDto } from './leak-report.request.dto';
import { LeakVerdictDto } from './leak-verdict.response.dto';

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
const EMPTY = Buffer.alloc(0);
/** Lookups, then commands, at once per report: enough to answer 1,000 entries quickly, not so many that one report floods NATS. */
const IN_FLIGHT = 16;
const UNSIGNED = (): ApiError => new ApiError(ErrorCodes.unauthenticated, 'a leak report must be signed by a key the operator configured (Github-Public-Key-Identifier, Github-Public-Key-Signature)');

/**
 * Leak reports in the shape GitHub's secret-scanning partner program sends (product.md 9.5). No
 * key authenticates it: the signature over the raw body does, before anything else is read. Each
 * Keyward key named is reported (and revoked, unless its workspace says otherwise or the secret is
 * one rotated away past its grace period, which opens nothing) before the
 * answer, in every verifier; the report's SHA-256 names it, so a replay changes nothing.
 */
@ApiTags('leaks')
@Controller('v1/leaks')
export class ReportLeaksHttpController {
  constructor(
    @Inject(LEAK_REPORT_KEYS) private readonly keys: readonly LeakReportKey[],
    private readonly finder: KeyFinder,
    private readonly commands: CommandClient,
  ) {}

  @Post()
  @HttpCode(200)
  @Public()
  @ApiHeader({ name: 'Github-Public-Key-Identifier', required: true, description: 'which configured public key signed the report' })
  @ApiHeader({ name: 'Github-Public-Key-Signature', required: true, description: 'base64 of the DER ECDSA P-256 / SHA-256 signature of the raw body' })
  @ApiBody({ type: [LeakReportEntryDto] })
  @ApiOkResponse({ type: [LeakVerdictDto], description: 'one verdict per token, in order', headers: CONSISTENCY_ANSWER_HEADER })
  @ApiErrors(ErrorCodes.unauthenticated, ErrorCodes.unavailable)
  async report(@Req() request: GatewayRequest, @Res({ passthrough: true }) response: Response): Promise<LeakVerdictDto[]> {
    const raw = request.rawBody ?? EMPTY;
    if (!isSignedLeakReport(this.keys, request.headers, raw)) throw UNSIGNED();
    const entries = parseLeakReport(request.body);
    const reportId = sha256(raw);
    const tokens = [...new Set(entries.map((e) => e.token))];
    const found = new Map(await mapBounded(tokens, IN_FLIGHT, async (token) => [token, await this.finder.find(token)] as const));
    await this.reportAll(request, response, reportId, entries, found);
    return entries.map((e) => ({ token_hash: sha256(e.token), token_type: e.type, label: found.get(e.token) ? 'true_positive' : 'false_positive' }));
  }

  /**
   * Once per key (its first entry's url and source), `IN_FLIGHT` at a time; the answer waits for
   * every one. A key key-command refuses (deleted meanwhile) is still a true positive: only an
   * outage (5xx) fails the report, which the scanner sends again and the report id makes safe.
   */
  private async reportAll(request: GatewayRequest, response: Response, reportId: string, entries: readonly LeakReportEntry[], found: ReadonlyMap<string, FoundKey | undefined>): Promise<void> {
    const firstByKey = new Map<string, { key: FoundKey; entry: LeakReportEntry }>();
    for (const entry of entries) {
      const key = found.get(entry.token);
      if (key && !firstByKey.has(key.keyId)) firstByKey.set(key.keyId, { key, entry });
    }
    await mapBounded([...firstByKey.values()], IN_FLIGHT, async ({ key, entry }) => {
      try {
        const written = await this.commands.send(Subjects.keyCommand.reportLeak, {
          context: systemContext(request, key, reportId),
          keyId: key.keyId,
          reportId,
          secretCurrent: key.current,
          ...(entry.url === undefined ? {} : { url: entry.url }),
          ...(entry.source === undefined ? {} : { source: entry.source }),
        });
        answerWritten(response, written);
      } catch (error) {
        if (!(error instanceof ApiError && error.body.statusCode < 500)) throw error;
      }
    });
  }
}
