import { Inject, Injectable } from '@nestjs/common';
import { keyStreamId, type CommandReply, type KeyEvent, type CreateKeyAnswer, type CreateKeyRequest, type CreateKeyResult } from '@keyward/contracts';
import { generateKeySecret, keyDecider, newKeyId, NO_META, storedSecretOf, withholdSecrets } from '@keyward/domain';
import { PEPPER } from '@keyward/platform';
import { AccessPolicyLoader } from '../../access/access-policy.loader';
import { CommandHandler } from '../../commands/command.handler';
import { LiveIdentities } from '../../identities/live-identities';
import { decidedEvent } from '../../commands/decided-event';
import { IdempotentIds, type CreatedKind } from '../../commands/idempotent-ids';
import { decideWithPolicy } from '../key-decision';

export interface CreatedKey {
  readonly position: string;
  readonly result: CreateKeyResult;
  readonly replayed: boolean;
}

@Injectable()
export class CreateKeyHandler {
  constructor(
    private readonly commands: CommandHandler,
    private readonly policies: AccessPolicyLoader,
    private readonly ids: IdempotentIds,
    private readonly identities: LiveIdentities,
    @Inject(PEPPER) private readonly pepper: Buffer,
  ) {}

  /** A repeat of a create (same Idempotency-Key) answers the key it made, without its secret. */
  async execute(request: CreateKeyRequest): Promise<CommandReply<CreateKeyAnswer>> {
    const created = await this.create(request, 'key');
    return { ok: true, position: created.position, result: created.replayed ? withholdSecrets(created.result) : created.result };
  }

  /**
   * The key made. When `replayed` an earlier attempt made it, and `result.key` is no secret of it:
   * the caller withholds it. A new workspace's admin key is an `admin-key`, so that a key created
   * later in that workspace with the same Idempotency-Key is another key.
   */
  async create(request: CreateKeyRequest, kind: Extract<CreatedKind, 'key' | 'admin-key'>): Promise<CreatedKey> {
    const { context, roles } = request;
    if (request.identityId !== undefined) await this.identities.require(context.workspaceId, request.identityId);
    const { id: keyId, stream } = await this.ids.for<KeyEvent>(kind, context, newKeyId, keyStreamId);
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
          ratelimit: request.ratelimit,
          ipAllowlist: request.ipAllowlist,
          credits: request.credits,
          ratelimits: request.ratelimits,
          meta: request.meta,
          identityId: request.identityId,
          secret: storedSecretOf(this.pepper, secret),
          policy,
        }),
        roles,
      ),
      { read: stream },
    );
    const d = decidedEvent(outcome.events, 'KeyCreated').data;
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
      ratelimit: d.ratelimit ?? null,
      ipAllowlist: d.ipAllowlist ?? [],
      credits: d.credits ?? null,
      ratelimits: d.ratelimits ?? [],
      meta: d.meta ?? NO_META,
      identityId: d.identityId ?? null,
    };
    return { position: outcome.position, result, replayed: outcome.replayed };
  }
}
