export * from './follower-announcer';
export * from './follower-registry';
export * from './write-acknowledgements';
