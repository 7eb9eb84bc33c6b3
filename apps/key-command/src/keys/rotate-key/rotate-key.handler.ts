import { Inject, Injectable } from '@nestjs/common';
import { keyStreamId, type CommandReply, type RotateKeyAnswer, type RotateKeyRequest, type RotateKeyResult } from '@keyward/contracts';
import { generateKeySecret, keyDecider, storedSecretOf, withholdSecrets } from '@keyward/domain';
import { PEPPER } from '@keyward/platform';
import { AccessPolicyLoader } from '../../access/access-policy.loader';
import { CommandHandler } from '../../commands/command.handler';
import { decidedEvent } from '../../commands/decided-event';
import { decideWithPolicy } from '../key-decision';

@Injectable()
export class RotateKeyHandler {
  constructor(
    private readonly commands: CommandHandler,
    private readonly policies: AccessPolicyLoader,
    @Inject(PEPPER) private readonly pepper: Buffer,
  ) {}

  /**
   * No retry on conflict: a concurrent rotation would silently void the secret handed out. A repeat
   * (same Idempotency-Key) answers the rotation it made, without its secret.
   */
  async execute({ context, keyId, gracePeriodSeconds }: RotateKeyRequest): Promise<CommandReply<RotateKeyAnswer>> {
    let secret = '';
    const outcome = await this.commands.handle(
      keyStreamId(keyId),
      keyDecider,
      context,
      decideWithPolicy(this.policies, context, (policy, state) => {
        // The new secret keeps the key's environment; it is generated only for an existing key.
        secret = generateKeySecret(state.status === 'absent' ? 'live' : state.environment);
        return { type: 'RotateKey', keyId, workspaceId: context.workspaceId, gracePeriodSeconds, secret: storedSecretOf(this.pepper, secret), policy };
      }),
    );
    const rotated = decidedEvent(outcome.events, 'KeyRotated');
    const result: RotateKeyResult = { id: keyId, key: secret, prefix: rotated.data.prefix, previousKeyExpiresAt: rotated.data.previousKeyExpiresAt };
    return { ok: true, position: outcome.position, result: outcome.replayed ? withholdSecrets(result) : result };
  }
}
