import { keyStreamId, type CommandContext, type KeyEvent, type RevocationReason } from '@keyward/contracts';
import { decideKey, keyDecider, type DeleteKey, type KeyState, type RevokeKey } from '@keyward/domain';
import type { CommandHandler, Handled } from '../commands/command.handler';

/** Revoking and deleting are safe to retry on a conflict: whatever changed meanwhile, the key ends so. */
const FINAL_RETRIES_ON_CONFLICT = 3;

/** Revoke or delete: final, and needing no access policy. A system revocation says why (`reason`). */
export const handleFinalKeyCommand = (
  commands: CommandHandler,
  context: CommandContext,
  keyId: string,
  type: 'RevokeKey' | 'DeleteKey',
  reason?: RevocationReason,
): Promise<Handled<KeyState, KeyEvent>> => {
  const target = { keyId, workspaceId: context.workspaceId };
  const command: RevokeKey | DeleteKey = type === 'RevokeKey' ? { type, ...target, ...(reason ? { reason } : {}) } : { type, ...target };
  return commands.handle(keyStreamId(keyId), keyDecider, context, (state, now) => decideKey(command, state, now), { retriesOnConflict: FINAL_RETRIES_ON_CONFLICT });
};
