import { Controller } from '@nestjs/common';
import {
  Subjects,
  type CommandReplyOf,
  type DeleteCredentialRequest,
  type RotateCredentialValueRequest,
  type SetCredentialSharingRequest,
  type StoreCredentialRequest,
  type UpdateCredentialRequest,
} from '@keyward/contracts';
import { CommandEndpoint } from '../commands/command-endpoint.decorator';
import { parseDeleteCredential, parseRotateCredentialValue, parseSetCredentialSharing, parseStoreCredential, parseUpdateCredential } from './credential-payload';
import { DeleteCredentialHandler } from './delete-credential/delete-credential.handler';
import { RotateCredentialValueHandler } from './rotate-credential-value/rotate-credential-value.handler';
import { SetCredentialSharingHandler } from './set-credential-sharing/set-credential-sharing.handler';
import { StoreCredentialHandler } from './store-credential/store-credential.handler';
import { UpdateCredentialHandler } from './update-credential/update-credential.handler';

const S = Subjects.credentialCommand;

@Controller()
export class CredentialsMessageController {
  constructor(
    private readonly storeCredential: StoreCredentialHandler,
    private readonly updateCredential: UpdateCredentialHandler,
    private readonly rotateValue: RotateCredentialValueHandler,
    private readonly setSharing: SetCredentialSharingHandler,
    private readonly deleteCredential: DeleteCredentialHandler,
  ) {}

  @CommandEndpoint(S.store, parseStoreCredential)
  store(request: StoreCredentialRequest): Promise<CommandReplyOf<typeof S.store>> {
    return this.storeCredential.execute(request);
  }

  @CommandEndpoint(S.update, parseUpdateCredential)
  update(request: UpdateCredentialRequest): Promise<CommandReplyOf<typeof S.update>> {
    return this.updateCredential.execute(request);
  }

  @CommandEndpoint(S.rotateValue, parseRotateCredentialValue)
  rotate(request: RotateCredentialValueRequest): Promise<CommandReplyOf<typeof S.rotateValue>> {
    return this.rotateValue.execute(request);
  }

  @CommandEndpoint(S.setSharing, parseSetCredentialSharing)
  share(request: SetCredentialSharingRequest): Promise<CommandReplyOf<typeof S.setSharing>> {
    return this.setSharing.execute(request);
  }

  @CommandEndpoint(S.delete, parseDeleteCredential)
  delete(request: DeleteCredentialRequest): Promise<CommandReplyOf<typeof S.delete>> {
    return this.deleteCredential.execute(request);
  }
}
