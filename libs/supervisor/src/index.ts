export * from './backoff';
export * from './crash-loop';
export * from './restart-policy';
export * from './supervisor-log';
export * from './supervisor-status';
export * from './supervisor';
export * from './supervisor-process';
export * from './keyward-units';
