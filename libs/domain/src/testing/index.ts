export * from './decider-specification';
export * from './key.fixtures';
