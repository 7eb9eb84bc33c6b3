import { Controller } from '@nestjs/common';
import { Subjects, type CommandReplyOf, type CreateIdentityRequest, type DeleteIdentityRequest, type UpdateIdentityRequest } from '@keyward/contracts';
import { CommandEndpoint } from '../commands/command-endpoint.decorator';
import { CreateIdentityHandler } from './create-identity.handler';
import { DeleteIdentityHandler } from './delete-identity.handler';
import { parseCreateIdentity, parseDeleteIdentity, parseUpdateIdentity } from './identity-payload';
import { UpdateIdentityHandler } from './update-identity.handler';

const S = Subjects.identityCommand;

@Controller()
export class IdentitiesMessageController {
  constructor(
    private readonly createIdentity: CreateIdentityHandler,
    private readonly updateIdentity: UpdateIdentityHandler,
    private readonly deleteIdentity: DeleteIdentityHandler,
  ) {}

  @CommandEndpoint(S.create, parseCreateIdentity)
  create(request: CreateIdentityRequest): Promise<CommandReplyOf<typeof S.create>> {
    return this.createIdentity.execute(request);
  }

  @CommandEndpoint(S.update, parseUpdateIdentity)
  update(request: UpdateIdentityRequest): Promise<CommandReplyOf<typeof S.update>> {
    return this.updateIdentity.execute(request);
  }

  @CommandEndpoint(S.delete, parseDeleteIdentity)
  delete(request: DeleteIdentityRequest): Promise<CommandReplyOf<typeof S.delete>> {
    return this.deleteIdentity.execute(request);
  }
}
