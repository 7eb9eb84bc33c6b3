import { Inject, Injectable, Logger } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { ErrorCodes, Subjects, type FindKeyAnswer, type FindKeyRequest } from '@keyward/contracts';
import { isKeySecret } from '@keyward/domain';
import { afterIoTurn, NATS_CONNECTION } from '@keyward/platform';
import { ApiError } from '../errors/api-error';

const FIND_TIMEOUT_MS = 2_000;
const encoder = new TextEncoder();

/** A key the verifiers know the secret of. */
export interface FoundKey {
  readonly keyId: string;
  readonly workspaceId: string;
  /** False for a rotated-away secret past its grace period: it opens nothing, its key is not the one leaked. */
  readonly current: boolean;
}

const unavailable = (): ApiError => new ApiError(ErrorCodes.unavailable, 'key lookup is unavailable; try again shortly');

const isFindKeyAnswer = (value: unknown): value is FindKeyAnswer => {
  const a = value as Partial<Record<'code' | 'keyId' | 'workspaceId' | 'current', unknown>> | null;
  if (typeof a !== 'object' || a === null) return false;
  if (a.code === 'FOUND') return typeof a.keyId === 'string' && typeof a.workspaceId === 'string' && typeof a.current === 'boolean';
  return a.code === 'MALFORMED' || a.code === 'NOT_FOUND' || a.code === 'UNAVAILABLE';
};

/**
 * The key a secret belongs to, over `keyward.v1.find-key` (the verifiers' index, never a table:
 * only the verifiers hold the secrets' keyed hashes in a form to look up). A secret that is not in
 * the Keyward format is answered here without a request, as the verify client does.
 */
@Injectable()
export class KeyFinder {
  private readonly logger = new Logger(KeyFinder.name);

  constructor(@Inject(NATS_CONNECTION) private readonly nats: NatsConnection) {}

  /** `undefined` for a token that is no key of ours; 503 when no verifier can tell. */
  async find(token: string): Promise<FoundKey | undefined> {
    if (!isKeySecret(token)) return undefined;
    const request: FindKeyRequest = { key: token };
    await afterIoTurn();
    let answer: unknown;
    try {
      const reply = await this.nats.request(Subjects.findKey, encoder.encode(JSON.stringify(request)), { timeout: FIND_TIMEOUT_MS });
      answer = JSON.parse(Buffer.from(reply.data).toString('utf8'));
    } catch (error) {
      // The name only: the request holds a secret.
      this.logger.warn(`find-key failed: ${error instanceof Error ? error.name : 'unknown error'}`);
      throw unavailable();
    }
    if (!isFindKeyAnswer(answer) || answer.code === 'UNAVAILABLE') throw unavailable();
    return answer.code === 'FOUND' ? { keyId: answer.keyId, workspaceId: answer.workspaceId, current: answer.current } : undefined;
  }
}
