import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { CommandContext } from '@keyward/contracts';
import { principalOf } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import type { GatewayRequest } from './gateway-request';
import { correlationIdOf } from './request-id.middleware';

/** Bounded like key-command bounds them, so a long header cannot get a write refused. */
const MAX_USER_AGENT = 500;
const MAX_SOURCE_IP = 100;

/** Who sends the command (the caller, unless the gateway acts on its own), for which workspace, under which correlation id, from where. */
export const commandContextOf = (request: GatewayRequest, principal: Principal = principalOf(request)): CommandContext => {
  const userAgent = request.headers['user-agent'];
  return {
    workspaceId: principal.workspaceId,
    actor: principal.actor,
    grants: principal.grants,
    operator: principal.root,
    correlationId: request.correlationId ?? correlationIdOf(undefined),
    ...(request.ip ? { sourceIp: request.ip.slice(0, MAX_SOURCE_IP) } : {}),
    ...(userAgent ? { userAgent: userAgent.slice(0, MAX_USER_AGENT) } : {}),
    ...(request.idempotency ? { idempotency: request.idempotency } : {}),
  };
};

export const CommandCtx = createParamDecorator((_: unknown, context: ExecutionContext): CommandContext =>
  commandContextOf(context.switchToHttp().getRequest<GatewayRequest>()),
);
