import { Inject, Injectable } from '@nestjs/common';
import { keyStreamId, withholdSecret, type CommandReply, type CreateKeyAnswer, type CreateKeyRequest, type CreateKeyResult } from '@keyward/contracts';
import { generateKeySecret, keyDecider, newKeyId, storedSecretOf } from '@keyward/domain';
import { PEPPER } from '@keyward/platform';
import { AccessPolicyLoader } from '../../access/access-policy.loader';
import { CommandHandler } from '../../commands/command.handler';
import { IdempotentIds } from '../../commands/idempotent-ids';
import { decideWithPolicy } from '../key-decision';

@Injectable()
export class CreateKeyHandler {
  constructor(
    private readonly commands: CommandHandler,
    private readonly policies: AccessPolicyLoader,
    private readonly ids: IdempotentIds,
    @Inject(PEPPER) private readonly pepper: Buffer,
  ) {}

  /** A repeat of a create (same Idempotency-Key) answers the key it made, without its secret. */
  async execute(request: CreateKeyRequest): Promise<CommandReply<CreateKeyAnswer>> {
    const { context, roles } = request;
    const keyId = newKeyId(this.ids.for('key', context));
    // The secret is made here and leaves only in the reply; decide sees just its stored form.
    const secret = generateKeySecret(request.environment);
    const outcome = await this.commands.handle(
      keyStreamId(keyId),
      keyDecider,
      context,
      decideWithPolicy(
        this.policies,
        context,
        (policy) => ({
          type: 'CreateKey',
          keyId,
          workspaceId: context.workspaceId,
          name: request.name,
          environment: request.environment,
          expiresAt: request.expiresAt,
          roles,
          permissions: request.permissions,
          unrestricted: request.unrestricted,
          secret: storedSecretOf(this.pepper, secret),
          policy,
        }),
        roles,
      ),
    );
    const created = outcome.events[0];
    if (created?.type !== 'KeyCreated') throw new Error('CreateKey decided no KeyCreated');
    const d = created.data;
    const result: CreateKeyResult = {
      id: d.keyId,
      key: secret,
      prefix: d.prefix,
      name: d.name,
      environment: d.environment,
      createdAt: d.createdAt,
      expiresAt: d.expiresAt,
      roles: d.roles,
      permissions: d.permissions,
      unrestricted: d.unrestricted,
    };
    return { ok: true, position: outcome.position, result: outcome.replayed ? withholdSecret(result, 'key') : result };
  }
}
