import { Inject, Injectable } from '@nestjs/common';
import { keyStreamId, type CredentialSharing, type KeyEvent } from '@keyward/contracts';
import { initialKeyState, isBuiltInRole, isKeyId, keyDecider, type KnownPrincipals } from '@keyward/domain';
import type { EventStore } from '@keyward/event-store';
import { EVENT_STORE } from '@keyward/platform';
import { AccessPolicyLoader } from '../access/access-policy.loader';

/**
 * Which of the keys and roles a sharing names exist in the workspace, read from their histories
 * (never a read model, which may lag): a key not deleted, a built-in role, or a live custom role.
 */
@Injectable()
export class KnownPrincipalsLoader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly policies: AccessPolicyLoader,
  ) {}

  async load(workspaceId: string, sharing: CredentialSharing | undefined): Promise<KnownPrincipals> {
    if (!sharing) return { keys: new Set(), roles: new Set() };
    const [keys, roles] = await Promise.all([this.keys(workspaceId, sharing.keys), this.policies.roles(workspaceId, sharing.roles)]);
    return { keys, roles: new Set([...sharing.roles.filter(isBuiltInRole), ...roles.keys()]) };
  }

  private async keys(workspaceId: string, keyIds: readonly string[]): Promise<Set<string>> {
    const found = await Promise.all(
      [...new Set(keyIds)].filter(isKeyId).map(async (keyId) => {
        const { events } = await this.store.readStream<KeyEvent>(keyStreamId(keyId));
        const key = events.reduce(keyDecider.evolve, initialKeyState);
        return key.status !== 'absent' && key.deletedAt === null && key.workspaceId === workspaceId ? keyId : undefined;
      }),
    );
    return new Set(found.filter((id) => id !== undefined));
  }
}
