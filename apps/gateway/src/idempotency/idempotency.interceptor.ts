import { Inject, Injectable, Logger, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { Reflector } from '@nestjs/core';
import { catchError, defer, finalize, mergeMap, of, type Observable } from 'rxjs';
import { ErrorCodes } from '@keyward/contracts';
import { IDEMPOTENCY_LEASE_MS, IdempotencyStore, type IdempotencyClaim } from '@keyward/idempotency';
import { principalOf } from '../auth/current-principal.decorator';
import { CommandAttempts, trackingCommands } from '../commands/command-attempts';
import { ConsistencyService } from '../consistency/consistency.service';
import { ApiError } from '../errors/api-error';
import { CONSISTENCY_HEADER } from '../http/consistency.header';
import type { GatewayRequest } from '../http/gateway-request';
import { correlationIdOf } from '../http/request-id.middleware';
import { IDEMPOTENCY_KEY_HEADER, idempotencyKeyOf } from './idempotency-key.header';
import { FINGERPRINT_KEY } from './fingerprint-key.provider';
import { NOT_IDEMPOTENT } from './not-idempotent.decorator';
import { requestFingerprint } from './request-fingerprint';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** A repeat that arrives while the first request still runs waits for its answer: longer than a write takes (command and consistency bounds). */
const POLL_MS = 100;
const MAX_WAIT_MS = 15_000;
/** Renewed well before it lapses, so that only a holder that died loses its claim. */
const RENEW_MS = IDEMPOTENCY_LEASE_MS / 3;
/** Stripe's name: the answer is the one kept from the first request. */
export const REPLAYED_HEADER = 'Idempotent-Replayed';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const warnOnly = (logger: Logger, what: string) => (error: unknown) =>
  logger.warn(`${what}: ${error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error'}`);

/**
 * `Idempotency-Key` on every write under /v1 (product.md section 7), for every controller at once,
 * but the routes marked `@NotIdempotent()` (the broker), which refuse it.
 * Within 24 hours a repeat of the same request (caller, method, path, body) answers the original
 * status and body (secrets withheld) without reaching key-command, and the same key on another
 * request is a CONFLICT. A concurrent repeat waits for the first answer. The key and fingerprint
 * also travel with the command, so that when this record is missing (the first answer was lost
 * before it was kept) key-command still answers from the events the first attempt appended.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger(IdempotencyInterceptor.name);

  constructor(
    private readonly store: IdempotencyStore,
    private readonly consistency: ConsistencyService,
    @Inject(FINGERPRINT_KEY) private readonly fingerprintKey: Buffer,
    private readonly reflector: Reflector,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<GatewayRequest>();
    // Keyed per caller: an unauthenticated route (sign-in, leak reports, revoke-by-secret) has none, and its repeats are safe by design.
    if (!WRITES.has(request.method) || !request.path.startsWith('/v1/') || request.principal === undefined) return next.handle();
    const key = idempotencyKeyOf(request);
    if (this.reflector.get<boolean | undefined>(NOT_IDEMPOTENT, context.getHandler())) {
      if (key !== undefined) throw ApiError.invalid([{ field: IDEMPOTENCY_KEY_HEADER, message: 'this route keeps no answers, so a repeat would be sent again: send it without an Idempotency-Key' }]);
      return next.handle();
    }
    if (key === undefined) return next.handle();
    const { actor, workspaceId: scope } = principalOf(request);
    const fingerprint = requestFingerprint({ actor, method: request.method, url: request.originalUrl, body: request.body }, this.fingerprintKey);
    const claim = await this.claim(scope, key, fingerprint);
    const response = context.switchToHttp().getResponse<Response>();
    if (claim.outcome === 'replay') {
      response.status(claim.status).setHeader(REPLAYED_HEADER, 'true');
      // Read-your-writes holds for the repeat too (the first answer may have been `pending`): the same barrier, the same header.
      if (claim.position !== undefined && !(await this.consistency.waitFor(claim.position, request.correlationId ?? correlationIdOf(undefined)))) {
        response.setHeader(CONSISTENCY_HEADER, 'pending');
      }
      return of(claim.body);
    }
    if (claim.outcome === 'conflict') throw new ApiError(ErrorCodes.conflict, 'this Idempotency-Key was used for another request; send a new key');
    if (claim.outcome === 'busy') throw new ApiError(ErrorCodes.conflict, 'a request with this Idempotency-Key is still being answered; retry it later');
    request.idempotency = { key, fingerprint };
    const { token } = claim;
    const renewal = setInterval(() => void this.store.renew(scope, key, token).catch(warnOnly(this.logger, 'an idempotency claim was not renewed')), RENEW_MS);
    const attempts = new CommandAttempts();
    return trackingCommands(attempts, () => next.handle()).pipe(
      // Kept after the answer is decided; should keeping it fail, a repeat is still answered from the events.
      mergeMap(async (body: unknown) => {
        await this.store
          .complete(scope, key, token, response.statusCode, body, attempts.position)
          .catch(warnOnly(this.logger, 'an idempotent answer was not kept'));
        return body;
      }),
      // The key is free again only when nothing was written: known from the commands, not from the status (a 404 may follow a commit).
      catchError((error: unknown) =>
        defer(async () => {
          await this.store.release(scope, key, token, attempts.wroteNothing).catch(warnOnly(this.logger, 'an idempotency key was not released'));
          throw error;
        }),
      ),
      finalize(() => clearInterval(renewal)),
    );
  }

  /** Bounded: gives up (busy) when the first request is still running after the longest a write takes. */
  private async claim(scope: string, key: string, fingerprint: string): Promise<IdempotencyClaim> {
    for (let poll = 0; poll < MAX_WAIT_MS / POLL_MS; poll++) {
      const claim = await this.store.claim(scope, key, fingerprint).catch((error: unknown) => {
        warnOnly(this.logger, 'the idempotency record is unreachable')(error);
        throw new ApiError(ErrorCodes.unavailable, 'the database is unavailable; try again shortly');
      });
      if (claim.outcome !== 'busy') return claim;
      await sleep(POLL_MS);
    }
    return { outcome: 'busy' };
  }
}
