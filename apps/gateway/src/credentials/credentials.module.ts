import { Module } from '@nestjs/common';
import type { EventStore } from '@keyward/event-store';
import type { DataSource } from 'typeorm';
import { EVENT_STORE, READ_MODEL_DATA_SOURCE } from '@keyward/platform';
import { CredentialQueries, CredentialStateQueries, WorkspaceStateQueries } from '@keyward/read-models';
import { CommandsModule } from '../commands/commands.module';
import { credentialVaultProvider } from './credential-vault.provider';
import { CredentialSealer } from './credential.sealer';
import { CredentialWriter } from './credential.writer';
import { DeleteCredentialHttpController } from './delete-credential/delete-credential.http.controller';
import { GetCredentialHttpController } from './get-credential/get-credential.http.controller';
import { ListCredentialsHttpController } from './list-credentials/list-credentials.http.controller';
import { CredentialBroker } from './send-request/credential.broker';
import { outboundPolicyProvider } from './send-request/outbound-policy.provider';
import { SendRequestHttpController } from './send-request/send-request.http.controller';
import { RotateCredentialValueHttpController } from './rotate-credential-value/rotate-credential-value.http.controller';
import { SetCredentialSharingHttpController } from './set-credential-sharing/set-credential-sharing.http.controller';
import { StoreCredentialHttpController } from './store-credential/store-credential.http.controller';
import { UpdateCredentialHttpController } from './update-credential/update-credential.http.controller';

/** Reads come from the credential table; writes are sealed here, go to key-command, and answer from the credential's history. */
@Module({
  imports: [CommandsModule],
  providers: [
    credentialVaultProvider,
    CredentialSealer,
    CredentialWriter,
    outboundPolicyProvider,
    CredentialBroker,
    { provide: CredentialStateQueries, inject: [EVENT_STORE], useFactory: (store: EventStore) => new CredentialStateQueries(store) },
    { provide: WorkspaceStateQueries, inject: [EVENT_STORE], useFactory: (store: EventStore) => new WorkspaceStateQueries(store) },
    { provide: CredentialQueries, inject: [READ_MODEL_DATA_SOURCE], useFactory: (dataSource: DataSource) => new CredentialQueries(dataSource) },
  ],
  controllers: [
    ListCredentialsHttpController,
    GetCredentialHttpController,
    StoreCredentialHttpController,
    UpdateCredentialHttpController,
    RotateCredentialValueHttpController,
    SetCredentialSharingHttpController,
    DeleteCredentialHttpController,
    SendRequestHttpController,
  ],
})
export class CredentialsModule {}
