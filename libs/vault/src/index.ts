export * from './credential-vault.port';
export * from './vault.errors';
export * from './master-keys';
export * from './postgres-credential.vault';
export { destroyDataKey, destroyDataKeys } from './credential-data-keys.table';
export * from './rotate-master-key';
