export * from './verify.client';
export * from './verifier-unavailable.error';
export * from './key-requirement';
export * from './verified-key';
export * from './nest';
