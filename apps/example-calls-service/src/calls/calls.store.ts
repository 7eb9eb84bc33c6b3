import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Call } from './call';

/** In memory: the example is about guarding routes, not about storing calls. Kept per workspace. */
@Injectable()
export class CallsStore {
  private readonly byWorkspace = new Map<string, Call[]>();

  list(workspaceId: string): readonly Call[] {
    return this.byWorkspace.get(workspaceId) ?? [];
  }

  add(workspaceId: string, to: string, createdBy: string): Call {
    const call: Call = { id: `call_${randomUUID()}`, workspaceId, to, createdAt: new Date().toISOString(), createdBy };
    this.byWorkspace.set(workspaceId, [...this.list(workspaceId), call]);
    return call;
  }
}
