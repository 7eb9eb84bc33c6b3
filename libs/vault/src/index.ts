export * from './credential-vault.port';
