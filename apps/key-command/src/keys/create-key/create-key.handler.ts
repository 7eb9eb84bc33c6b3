import { Inject, Injectable } from '@nestjs/common';
import { withholdSecret, type CommandReply, type CreateKeyAnswer, type CreateKeyResult, type KeyEnvironment } from '@keyward/contracts';
import { generateKeySecret, newKeyId, storedSecretOf } from '@keyward/domain';
import { PEPPER } from '@keyward/platform';
import { asBoolean, asCommandContext, asObject, asString, asStringArray, optional } from '../../commands/command-payload';
import { IdempotentIds } from '../../commands/idempotent-ids';
import { KeyDecisions } from '../key.decisions';
import { asEnvironment, asExpiry, asPermissions } from '../key-payload';

@Injectable()
export class CreateKeyHandler {
  constructor(
    private readonly keys: KeyDecisions,
    private readonly ids: IdempotentIds,
    @Inject(PEPPER) private readonly pepper: Buffer,
  ) {}

  /** A repeat of a create (same Idempotency-Key) answers the key it made, without its secret. */
  async execute(payload: unknown): Promise<CommandReply<CreateKeyAnswer>> {
    const p = asObject(payload, 'command');
    const context = asCommandContext(p.context);
    const environment: KeyEnvironment = asEnvironment(p.environment);
    const roles = optional(p.roles, (v) => asStringArray(v, 'roles'));
    const keyId = newKeyId(this.ids.for('key', context));
    // The secret is made here and leaves only in the reply; decide sees just its stored form.
    const secret = generateKeySecret(environment);
    const outcome = await this.keys.run(
      keyId,
      context,
      (policy) => ({
        type: 'CreateKey',
        keyId,
        workspaceId: context.workspaceId,
        name: asString(p.name, 'name'),
        environment,
        expiresAt: asExpiry(p.expiresAt),
        roles,
        permissions: optional(p.permissions, asPermissions),
        unrestricted: optional(p.unrestricted, (v) => asBoolean(v, 'unrestricted')),
        secret: storedSecretOf(this.pepper, secret),
        policy,
      }),
      roles,
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
