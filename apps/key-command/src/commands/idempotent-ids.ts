import { Inject, Injectable } from '@nestjs/common';
import type { CommandContext } from '@keyward/contracts';
import { derivedIds, randomIds, type IdSource } from '@keyward/domain';
import { PEPPER } from '@keyward/platform';

/** What a create makes: each kind gets its own ids, so a key and a role never share a derivation. */
export type CreatedKind = 'key' | 'role' | 'workspace';

/**
 * Ids of new aggregates. With an `Idempotency-Key` the id is derived from (kind, workspace, key), so
 * a retried create lands on the stream its first attempt wrote and finds its events there. Keyed
 * with the pepper, so that knowing a request's idempotency key does not tell the id in advance.
 */
@Injectable()
export class IdempotentIds {
  constructor(@Inject(PEPPER) private readonly pepper: Buffer) {}

  for(kind: CreatedKind, context: CommandContext): IdSource {
    const key = context.idempotency?.key;
    return key === undefined ? randomIds : derivedIds(this.pepper, `keyward-id\0${kind}\0${context.workspaceId}\0${key}`);
  }
}
