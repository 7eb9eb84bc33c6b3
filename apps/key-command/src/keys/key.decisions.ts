import { Injectable } from '@nestjs/common';
import { keyStreamId, type CommandContext, type CommandReply, type KeyAccessResult, type KeyEvent, type PositionToken } from '@keyward/contracts';
import { decideKey, keyDecider, type AccessPolicy, type ExistingKey, type KeyCommand, type KeyState } from '@keyward/domain';
import { AccessPolicyLoader } from '../access/access-policy.loader';
import { CommandRunner } from '../commands/command.runner';

/** Revoking and deleting are safe to retry on a conflict: whatever changed meanwhile, the key ends so. */
const FINAL_RETRIES_ON_CONFLICT = 3;

export const keyAccessResult = (key: ExistingKey): KeyAccessResult => ({
  id: key.keyId,
  roles: key.roles,
  permissions: key.permissions,
  unrestricted: key.unrestricted,
  shares: key.shares,
});

/**
 * Runs one decision on a key that needs the access policy: the roles the key holds and the ones
 * the command names are resolved against the history before deciding.
 */
@Injectable()
export class KeyDecisions {
  constructor(
    private readonly runner: CommandRunner,
    private readonly policies: AccessPolicyLoader,
  ) {}

  run(
    keyId: string,
    context: CommandContext,
    command: (policy: AccessPolicy, state: KeyState) => KeyCommand,
    rolesNamed: readonly string[] = [],
    retriesOnConflict = 0,
  ) {
    return this.runner.run(
      keyStreamId(keyId),
      keyDecider,
      context,
      async (state: KeyState, now: Date) => {
        const held = state.status === 'absent' ? [] : state.roles;
        const policy = await this.policies.load(context, [...held, ...rolesNamed]);
        return decideKey(command(policy, state), state, now);
      },
      retriesOnConflict,
    );
  }

  /** Revoke or delete: final, needing no access policy. Answers the event decided, for the handler to report. */
  async end(keyId: string, context: CommandContext, type: 'RevokeKey' | 'DeleteKey'): Promise<{ position: PositionToken; event: KeyEvent | undefined }> {
    const outcome = await this.runner.run(
      keyStreamId(keyId),
      keyDecider,
      context,
      (state, now) => decideKey({ type, keyId, workspaceId: context.workspaceId }, state, now),
      FINAL_RETRIES_ON_CONFLICT,
    );
    return { position: outcome.position, event: outcome.events[0] };
  }

  /** An access edit: answers with what the key holds afterwards. */
  async edit(keyId: string, context: CommandContext, command: (policy: AccessPolicy) => KeyCommand, rolesNamed: readonly string[] = []): Promise<CommandReply<KeyAccessResult>> {
    const outcome = await this.run(keyId, context, command, rolesNamed);
    if (outcome.state.status === 'absent') throw new Error('an access edit left no key');
    return { ok: true, position: outcome.position, result: keyAccessResult(outcome.state) };
  }
}
