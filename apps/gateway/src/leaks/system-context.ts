import type { CommandContext } from '@keyward/contracts';
import type { GatewayRequest } from '../http/gateway-request';
import { commandContextOf } from '../http/command-context.decorator';
import type { FoundKey } from './key-finder';

/**
 * A command the gateway sends on its own authority, for an unauthenticated request (a leak report,
 * revoke-by-secret): actor `system`, in the key's workspace, granting nothing; `causationId` names
 * what caused it when that is not the request itself (the report).
 */
export const systemContext = (request: GatewayRequest, key: FoundKey, causationId?: string): CommandContext => ({
  ...commandContextOf(request, { workspaceId: key.workspaceId, actor: 'system', root: false, grants: [], roles: [] }),
  ...(causationId === undefined ? {} : { causationId }),
});
