import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { CommandContext } from '@keyward/contracts';
import type { AuthenticatedRequest } from '../auth/auth.decorators';

/** The command context of this request: who, which workspace, correlation id, IP, user agent. */
export const CommandCtx = createParamDecorator((_: unknown, context: ExecutionContext): CommandContext => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.principal) throw new Error('CommandCtx used on a route without authentication');
  const userAgent = request.headers['user-agent'];
  return {
    workspaceId: request.principal.workspaceId,
    actor: request.principal.actor,
    correlationId: String(request.headers['x-request-id']),
    ...(request.ip ? { sourceIp: request.ip } : {}),
    ...(userAgent ? { userAgent: userAgent.slice(0, 500) } : {}),
  };
});
