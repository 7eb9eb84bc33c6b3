export * from './follower-announcer';
export * from './follower-registry';
export * from './write-acknowledgements';
export * from './position-notices';
export * from './shared-count.store';
export * from './shared-count.budget';
export * from './jetstream-shared-count.store';
export * from './swept-map';
