export * from './outbound.policy';
export * from './outbound.errors';
export * from './outbound.request';
export * from './address-ranges';
export * from './outbound-target';
export * from './send-outbound';
export * from './secret-placement';
export * from './secret-redaction';
