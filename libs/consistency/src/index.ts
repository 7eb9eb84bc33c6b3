export * from './follower-announcer';
export * from './follower-registry';
export * from './write-acknowledgements';
export * from './position-notices';
