export * from './decider-specification';
export * from './key.fixtures';
export * from './access.fixtures';
