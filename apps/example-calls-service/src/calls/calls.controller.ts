import { Body, Controller, Get, Post } from '@nestjs/common';
import { KeyPrincipal, RequireKey, type VerifiedKey } from '@keyward/client';
import type { Call } from './call';
import { CallsStore } from './calls.store';
import { parseCreateCall } from './create-call.request';

/** Calls of the caller's workspace: the key's workspace scopes everything it sees. */
@Controller('calls')
export class CallsController {
  constructor(private readonly calls: CallsStore) {}

  @Get()
  @RequireKey('calls:read')
  list(@KeyPrincipal() key: VerifiedKey): { items: readonly Call[] } {
    return { items: this.calls.list(key.workspaceId) };
  }

  @Post()
  @RequireKey('calls:write')
  create(@KeyPrincipal() key: VerifiedKey, @Body() body: unknown): Call {
    const { to } = parseCreateCall(body);
    return this.calls.add(key.workspaceId, to, key.keyId);
  }
}
