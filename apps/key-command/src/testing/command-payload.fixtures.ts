import type { CommandContext } from '@keyward/contracts';
import { DomainError } from '@keyward/domain';

/** The root key's context, as the gateway sends it with a command. */
export const ROOT_CONTEXT: CommandContext = { workspaceId: 'default', actor: 'root', correlationId: 'req-1', grants: ['*:write'], operator: true };

/** What a command payload parser refused with; a parse that succeeds fails the test. */
export const refusal = (parse: () => unknown): { code: string; field: string | undefined } => {
  try {
    parse();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, field: error.field };
    throw error;
  }
  throw new Error('parsed');
};
