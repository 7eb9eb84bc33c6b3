import { Inject, Injectable } from '@nestjs/common';
import type { CommandReply, RotateKeyAnswer, RotateKeyResult } from '@keyward/contracts';
import { generateKeySecret, storedSecretOf, withholdSecrets } from '@keyward/domain';
import { PEPPER } from '@keyward/platform';
import { asCommandContext, asObject } from '../../commands/command-payload';
import { KeyDecisions } from '../key.decisions';
import { asKeyId } from '../key-payload';

@Injectable()
export class RotateKeyHandler {
  constructor(
    private readonly keys: KeyDecisions,
    @Inject(PEPPER) private readonly pepper: Buffer,
  ) {}

  /**
   * No retry on conflict: a concurrent rotation would silently void the secret handed out. A repeat
   * (same Idempotency-Key) answers the rotation it made, without its secret.
   */
  async execute(payload: unknown): Promise<CommandReply<RotateKeyAnswer>> {
    const p = asObject(payload, 'command');
    const context = asCommandContext(p.context);
    const keyId = asKeyId(p.keyId);
    let secret = '';
    const outcome = await this.keys.run(keyId, context, (policy, state) => {
      // The new secret keeps the key's environment; it is generated only for an existing key.
      secret = generateKeySecret(state.status === 'absent' ? 'live' : state.environment);
      return {
        type: 'RotateKey',
        keyId,
        workspaceId: context.workspaceId,
        gracePeriodSeconds: typeof p.gracePeriodSeconds === 'number' ? p.gracePeriodSeconds : Number.NaN,
        secret: storedSecretOf(this.pepper, secret),
        policy,
      };
    });
    const rotated = outcome.events[0];
    if (rotated?.type !== 'KeyRotated') throw new Error('RotateKey decided no KeyRotated');
    const result: RotateKeyResult = { id: keyId, key: secret, prefix: rotated.data.prefix, previousKeyExpiresAt: rotated.data.previousKeyExpiresAt };
    return { ok: true, position: outcome.position, result: outcome.replayed ? withholdSecrets(result) : result };
  }
}
