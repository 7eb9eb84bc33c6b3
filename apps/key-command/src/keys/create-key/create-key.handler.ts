import { Inject, Injectable } from '@nestjs/common';
import { keyStreamId, type CommandReply, type CreateKeyAnswer, type CreateKeyResult, type KeyEnvironment } from '@keyward/contracts';
import { generateKeySecret, newKeyId, storedSecretOf, withholdSecrets } from '@keyward/domain';
import { PEPPER } from '@keyward/platform';
import { asBoolean, asCommandContext, asObject, asString, asStringArray, optional } from '../../commands/command-payload';
import { IdempotentIds, type CreatedKind } from '../../commands/idempotent-ids';
import { KeyDecisions } from '../key.decisions';
import { asEnvironment, asExpiry, asPermissions } from '../key-payload';

export interface CreatedKey {
  readonly position: string;
  readonly result: CreateKeyResult;
  readonly replayed: boolean;
}

@Injectable()
export class CreateKeyHandler {
  constructor(
    private readonly keys: KeyDecisions,
    private readonly ids: IdempotentIds,
    @Inject(PEPPER) private readonly pepper: Buffer,
  ) {}

  /** A repeat of a create (same Idempotency-Key) answers the key it made, without its secret. */
  async execute(payload: unknown): Promise<CommandReply<CreateKeyAnswer>> {
    const created = await this.create(payload, 'key');
    return { ok: true, position: created.position, result: created.replayed ? withholdSecrets(created.result) : created.result };
  }

  /**
   * The key made. When `replayed` an earlier attempt made it, and `result.key` is no secret of it:
   * the caller withholds it. A new workspace's admin key is an `admin-key`, so that a key created
   * later in that workspace with the same Idempotency-Key is another key.
   */
  async create(payload: unknown, kind: Extract<CreatedKind, 'key' | 'admin-key'>): Promise<CreatedKey> {
    const p = asObject(payload, 'command');
    const context = asCommandContext(p.context);
    const environment: KeyEnvironment = asEnvironment(p.environment);
    const roles = optional(p.roles, (v) => asStringArray(v, 'roles'));
    const keyId = await this.ids.for(kind, context, newKeyId, keyStreamId);
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
    return { position: outcome.position, result, replayed: outcome.replayed };
  }
}
