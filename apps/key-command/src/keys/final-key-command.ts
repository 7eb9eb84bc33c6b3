import { keyStreamId, type CommandContext, type KeyEvent } from '@keyward/contracts';
import { decideKey, keyDecider, type KeyState } from '@keyward/domain';
import type { CommandHandler, Handled } from '../commands/command.handler';

/** Revoking and deleting are safe to retry on a conflict: whatever changed meanwhile, the key ends so. */
const FINAL_RETRIES_ON_CONFLICT = 3;

/** Revoke or delete: final, and needing no access policy. */
export const handleFinalKeyCommand = (commands: CommandHandler, context: CommandContext, keyId: string, type: 'RevokeKey' | 'DeleteKey'): Promise<Handled<KeyState, KeyEvent>> =>
  commands.handle(keyStreamId(keyId), keyDecider, context, (state, now) => decideKey({ type, keyId, workspaceId: context.workspaceId }, state, now), {
    retriesOnConflict: FINAL_RETRIES_ON_CONFLICT,
  });
