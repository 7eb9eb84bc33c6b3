export * from './verify-client';
