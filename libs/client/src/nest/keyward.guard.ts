import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { VerifyAnswer } from '@keyward/contracts';
import type { KeyRequirement } from '../key-requirement';
import { verifiedKeyOf } from '../verified-key';
import { VerifierUnavailableError } from '../verifier-unavailable.error';
import { VerifyClient } from '../verify.client';
import { DENIALS, KeyDeniedException, retryAfterSeconds, type DenialCode } from './key-denial';
import { extractKey } from './key-extraction';
import { KEY_RULE, permissionsFor, type KeyRule } from './key-rule';
import type { KeywardRequest } from './keyward-request';

/** Express's response, or anything else that can set a header. */
interface HeaderSink {
  setHeader?(name: string, value: string): unknown;
}

const AMBIGUOUS = 'the request carries different API keys; send exactly one';

/**
 * Lets a request through a `@RequireKey` route only with a key the verifiers find VALID for the
 * route's requirement, and puts that key's principal on the request (`@KeyPrincipal()`).
 * Routes without `@RequireKey` are not its business: it lets them through untouched.
 */
@Injectable()
export class KeywardGuard implements CanActivate {
  private readonly logger = new Logger(KeywardGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly client: VerifyClient,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<KeyRule | undefined>(KEY_RULE, [context.getHandler(), context.getClass()]);
    if (rule === undefined) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<KeywardRequest>();
    // @RequireKey on both the class and the method applies the guard twice; both read the same rule.
    if (request.keyPrincipal) return true;

    const response = http.getResponse<HeaderSink>();
    const presented = extractKey(request);
    if (presented.kind === 'none') throw this.deny(response, 'UNAUTHENTICATED');
    if (presented.kind === 'ambiguous') throw this.deny(response, 'UNAUTHENTICATED', AMBIGUOUS);

    const permissions = permissionsFor(rule, request);
    const answer = await this.ask(presented.key, permissions === 'unsatisfiable' ? [] : permissions, request.ip);
    const principal = verifiedKeyOf(answer);
    if (!principal) {
      if (answer.code === 'RATE_LIMITED') this.setRetryAfter(response, answer);
      // VALID without a principal cannot come from the client (it refuses such answers); not trusted anyway.
      throw this.deny(response, answer.code === 'VALID' ? 'UNAVAILABLE' : answer.code);
    }
    // A requirement no key can hold: the key was still checked first, so a bad key stays a 401.
    if (permissions === 'unsatisfiable') throw this.deny(response, 'INSUFFICIENT_PERMISSIONS');
    request.keyPrincipal = principal;
    return true;
  }

  /** HTTP wants a 401 to name the scheme it expects (RFC 9110, section 15.5.2). */
  private deny(response: HeaderSink, code: DenialCode, message?: string): KeyDeniedException {
    if (DENIALS[code].status === 401) response.setHeader?.('WWW-Authenticate', 'Bearer');
    return new KeyDeniedException(code, message);
  }

  private async ask(key: string, permissions: KeyRequirement, ip: string | undefined): Promise<VerifyAnswer> {
    try {
      return await this.client.verify(key, permissions, ip ? { ip } : {});
    } catch (error) {
      if (!(error instanceof VerifierUnavailableError)) throw error;
      // The error's name and reason only: never the key.
      this.logger.warn(`key verification unavailable: ${error.name}: ${error.reason}`);
      throw new KeyDeniedException('UNAVAILABLE');
    }
  }

  private setRetryAfter(response: HeaderSink, answer: VerifyAnswer): void {
    const seconds = retryAfterSeconds(answer, Date.now());
    if (seconds !== undefined) response.setHeader?.('Retry-After', String(seconds));
  }
}
