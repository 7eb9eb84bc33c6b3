import { Controller, Get, Param } from '@nestjs/common';
import { KeyPrincipal, RequireKey, type VerifiedKey } from '@keyward/client';

export interface WorkflowView {
  readonly id: string;
  readonly workspaceId: string;
}

/**
 * One workflow by id. The requirement is computed from the route's id, so a key shared just
 * this workflow (`workflows/wf_42:read`) gets it, as does any key with `workflows:read`.
 */
@Controller('workflows')
export class WorkflowsController {
  @Get(':id')
  @RequireKey(({ params }) => `workflows/${params.id}:read`)
  get(@Param('id') id: string, @KeyPrincipal() key: VerifiedKey): WorkflowView {
    return { id, workspaceId: key.workspaceId };
  }
}
