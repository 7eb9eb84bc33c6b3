export * from './session.store';
export * from './session.migrations';
