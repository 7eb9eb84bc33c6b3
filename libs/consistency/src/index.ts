export * from './follower-announcer';
export * from './follower-registry';
