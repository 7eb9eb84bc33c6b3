import type { CommandContext, KeyEvent } from '@keyward/contracts';
import { decideKey, type AccessPolicy, type KeyCommand, type KeyState } from '@keyward/domain';
import type { AccessPolicyLoader } from '../access/access-policy.loader';
import type { Decide } from '../commands/command.handler';

/**
 * `decideKey` for a command that needs the access policy: the roles the key holds and the ones
 * the command names are resolved against the history, on every attempt, before deciding (the
 * workspace possibly as kept from an earlier command, checked again by the append).
 */
export const decideWithPolicy =
  (
    policies: AccessPolicyLoader,
    context: CommandContext,
    command: (policy: AccessPolicy, state: KeyState) => KeyCommand,
    rolesNamed: readonly string[] = [],
  ): Decide<KeyState, KeyEvent> =>
  async (state, now, reads) => {
    const held = state.status === 'absent' ? [] : state.roles;
    const policy = await policies.load(context, [...held, ...rolesNamed], reads);
    return decideKey(command(policy, state), state, now);
  };
