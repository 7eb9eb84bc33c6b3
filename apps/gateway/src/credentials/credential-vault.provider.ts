import type { Provider } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { loadMasterKeyring, type KeywardConfig } from '@keyward/config';
import { KEYWARD_CONFIG, READ_MODEL_DATA_SOURCE } from '@keyward/platform';
import { MasterKeys, PostgresCredentialVault, type CredentialVault } from '@keyward/vault';

/** The gateway's one binding of the vault port: it seals values before they become commands, and opens them for the broker. */
export const CREDENTIAL_VAULT = Symbol('CREDENTIAL_VAULT');

export const credentialVaultProvider: Provider<CredentialVault> = {
  provide: CREDENTIAL_VAULT,
  inject: [KEYWARD_CONFIG, READ_MODEL_DATA_SOURCE],
  useFactory: (config: KeywardConfig, dataSource: DataSource): CredentialVault => new PostgresCredentialVault(dataSource, new MasterKeys(() => loadMasterKeyring(config))),
};
