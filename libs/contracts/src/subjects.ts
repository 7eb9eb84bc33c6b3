/** Every NATS subject Keyward uses, versioned so a v2 can run beside v1. */
export const Subjects = {
  /** Plain JSON request/reply, queue group `keyward-verifier` (product.md section 4). */
  verify: 'keyward.v1.verify',
  /**
   * Same answer as `verify`, for a key named by its id instead of its secret: for gateways only
   * (the console's session holds a key id, never the key). Queue group `keyward-verifier`.
   */
  verifyKeyId: 'keyward.v1.verify-key-id',
  /**
   * Which key a secret belongs to (`FindKeyRequest`/`FindKeyAnswer`), for gateways only: leak
   * reports and revoke-by-secret. Counts no usage and spends no rate limit. Queue group `keyward-verifier`.
   */
  findKey: 'keyward.v1.find-key',
  /** Commands to key-command: plain JSON request/reply on each subject (`CommandContract`), queue group `keyward-key-command`. */
  keyCommand: {
    create: 'keyward.v1.keys.create',
    rotate: 'keyward.v1.keys.rotate',
    revoke: 'keyward.v1.keys.revoke',
    update: 'keyward.v1.keys.update',
    delete: 'keyward.v1.keys.delete',
    setRoles: 'keyward.v1.keys.set-roles',
    setPermissions: 'keyward.v1.keys.set-permissions',
    share: 'keyward.v1.keys.share',
    unshare: 'keyward.v1.keys.unshare',
    reportLeak: 'keyward.v1.keys.report-leak',
    setEnabled: 'keyward.v1.keys.set-enabled',
  },
  identityCommand: {
    create: 'keyward.v1.identities.create',
    update: 'keyward.v1.identities.update',
    delete: 'keyward.v1.identities.delete',
  },
  roleCommand: {
    create: 'keyward.v1.roles.create',
    update: 'keyward.v1.roles.update',
    delete: 'keyward.v1.roles.delete',
  },
  credentialCommand: {
    store: 'keyward.v1.credentials.store',
    update: 'keyward.v1.credentials.update',
    rotateValue: 'keyward.v1.credentials.rotate-value',
    setSharing: 'keyward.v1.credentials.set-sharing',
    delete: 'keyward.v1.credentials.delete',
  },
  webhookCommand: {
    create: 'keyward.v1.webhooks.create',
    update: 'keyward.v1.webhooks.update',
    rotateSecret: 'keyward.v1.webhooks.rotate-secret',
    delete: 'keyward.v1.webhooks.delete',
    /** The webhook sender's, for an endpoint that failed for the whole retry period. */
    disable: 'keyward.v1.webhooks.disable',
  },
  workspaceCommand: {
    create: 'keyward.v1.workspaces.create',
    update: 'keyward.v1.workspaces.update',
  },
  /** Written by key-command after each append, so followers wake up without waiting for a poll. */
  eventsAppended: 'keyward.v1.events.appended',
  /**
   * Published by a gateway (then flushed) after a write's wait and before its answer: a verifier
   * that has not applied the position yet was not waited for, and must not answer until it has.
   */
  writeAcknowledged: 'keyward.v1.writes.acknowledged',
  /** Followers (verifiers, projectors) announce themselves and their applied position here. */
  followerProgress: 'keyward.v1.followers.progress',
  /** Asks every follower to publish its progress now (a new waiter learns who is live). */
  followerRollCall: 'keyward.v1.followers.rollcall',
} as const;

export const QueueGroups = {
  verifier: 'keyward-verifier',
  keyCommand: 'keyward-key-command',
} as const;
