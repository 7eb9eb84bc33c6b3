export * from './keyward-config';
export * from './secret-file';
export * from './pepper';
export * from './root-key';
export * from './env-milliseconds';
export * from './verifier-config';
export * from './master-key';
export * from './leak-report-keys';
