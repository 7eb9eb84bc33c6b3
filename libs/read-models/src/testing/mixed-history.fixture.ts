import { credentialStreamId, identityStreamId, keyStreamId, roleStreamId, webhookStreamId, workspaceStreamId, type KeywardEvent } from '@keyward/contracts';
import { defaultWorkspaceSettings } from '@keyward/domain';
import type { EventStore, Position } from '@keyward/event-store';
import { keyCreated, keyId, roleCreated, workspaceCreated } from './read-model.fixtures';

const at = (day: number): string => new Date(Date.UTC(2026, 0, 1 + day)).toISOString();

/** Every kind of key event, spread by residue so that combinations occur; some keys end deleted. */
const keyHistory = (n: number, workspaceId: string): KeywardEvent[] => {
  const key = keyId(n);
  // Credits set at creation are generation 1; a later setting counts on from there.
  const events: KeywardEvent[] = [
    keyCreated(n, {
      workspaceId,
      ...(n % 6 === 1 ? { identityId: identityIdOf(n - 1) } : {}),
      roles: n % 4 ? [] : ['read-only', 'read-only'], unrestricted: n % 5 !== 0, permissions: n % 5 ? {} : { calls: 'read' },
      ...(n % 7 === 3 ? { credits: { remaining: n }, ratelimits: [{ name: 'calls', limit: 5, windowSeconds: 1, autoApply: true }], meta: { created: n }, identityId: `idn_${n % 3}` } : {}),
    }),
  ];
  if (n % 2 === 0) events.push({ type: 'KeyRenamed', data: { keyId: key, name: `renamed ${n}` } });
  if (n % 3 === 0) events.push({ type: 'KeyExpiryChanged', data: { keyId: key, expiresAt: n % 2 ? null : at(400) } });
  if (n % 4 === 1) events.push({ type: 'KeyRateLimitChanged', data: { keyId: key, ratelimit: { limit: n, windowSeconds: 60 } } });
  if (n % 8 === 1) events.push({ type: 'KeyRateLimitChanged', data: { keyId: key, ratelimit: null } });
  if (n % 5 === 2) events.push({ type: 'KeyIpAllowlistChanged', data: { keyId: key, ipAllowlist: ['10.0.0.0/8', `192.168.0.${n % 250}`] } });
  if (n % 6 === 1) {
    events.push(
      { type: 'KeyCreditsChanged', data: { keyId: key, credits: { remaining: n, refill: { interval: n % 12 === 1 ? 'daily' : 'monthly', amount: 50 } }, generation: n % 7 === 3 ? 2 : 1, changedAt: at(20) } },
      { type: 'KeyNamedRateLimitsChanged', data: { keyId: key, ratelimits: [{ name: 'tokens', limit: n + 1, windowSeconds: 60, autoApply: n % 12 === 1 }] } },
      { type: 'KeyMetaChanged', data: { keyId: key, meta: { customer: `c${n}`, tags: ['a', n], nested: { ok: true } } } },
    );
  }
  if (n % 6 === 3) events.push({ type: 'KeyCreditsChanged', data: { keyId: key, credits: null, generation: n % 7 === 3 ? 2 : 1, changedAt: at(21) } });
  if (n % 4 === 2) events.push({ type: 'KeyDisabled', data: { keyId: key, disabledAt: at(22) } });
  if (n % 8 === 2) events.push({ type: 'KeyEnabled', data: { keyId: key, enabledAt: at(23) } });
  if (n % 7 === 1) {
    events.push(
      { type: 'KeyPermissionsChanged', data: { keyId: key, permissions: { calls: 'write', contacts: 'read' }, unrestricted: false } },
      { type: 'RoleAssigned', data: { keyId: key, roleId: `role_${n % 3}` } },
      { type: 'RoleAssigned', data: { keyId: key, roleId: 'admin' } },
      { type: 'RoleUnassigned', data: { keyId: key, roleId: `role_${n % 3}` } },
    );
  }
  if (n % 6 === 1) {
    events.push(
      { type: 'ResourceShared', data: { keyId: key, resource: 'workflows', resourceId: `wf_${n}`, access: 'read' } },
      { type: 'ResourceShared', data: { keyId: key, resource: 'files', resourceId: 'f_1', access: 'read' } },
      { type: 'ResourceShared', data: { keyId: key, resource: 'workflows', resourceId: `wf_${n}`, access: 'write' } },
      { type: 'ResourceUnshared', data: { keyId: key, resource: 'files', resourceId: 'f_1' } },
    );
  }
  if (n % 2 === 1) {
    events.push({ type: 'KeyRotated', data: { keyId: key, secretHash: 'cd'.repeat(32), prefix: 'kw_live_efgh', lastFour: 'stuv', rotatedAt: at(30), previousKeyExpiresAt: at(31) } });
  }
  if (n % 3 === 2) events.push({ type: 'KeyRevoked', data: { keyId: key, revokedAt: at(60) } });
  if (n % 9 === 2) events.push({ type: 'KeyDeleted', data: { keyId: key, deletedAt: at(90) } });
  return events;
};

/** Created, changed, sometimes deleted. */
const roleHistory = (n: number, workspaceId: string): KeywardEvent[] => {
  const roleId = `role_${n}`;
  const events: KeywardEvent[] = [roleCreated(roleId, { workspaceId })];
  if (n % 2 === 0) events.push({ type: 'RolePermissionsChanged', data: { roleId, workspaceId, name: `role ${n}`, description: 'changed', permissions: ['calls:write', '*:read'], changedAt: at(n) } });
  if (n % 3 === 2) events.push({ type: 'RoleDeleted', data: { roleId, workspaceId, deletedAt: at(n + 1) } });
  return events;
};

/** Stored, changed, rotated, shared and unshared, sometimes deleted; sealed values are stand-ins (no table keeps them). */
const credentialHistory = (n: number, workspaceId: string): KeywardEvent[] => {
  const credentialId = `cred_${n}`;
  const sealedValue = { nonce: 'bm9uY2U', ciphertext: `c2VhbGVk${n}`, tag: 'dGFn' };
  const events: KeywardEvent[] = [
    {
      type: 'CredentialStored',
      data: {
        credentialId, workspaceId, service: n % 2 ? 'stripe' : 'openai', name: `credential ${n}`, location: 'header', parameterName: 'X-API-Key',
        allowedHosts: ['api.example.com'], ownerKeyId: keyId(n), sharedWith: { keys: [], roles: n % 3 ? [] : ['read-only'] }, sealedValue, lastFour: 'wxyz', storedAt: at(n),
      },
    },
  ];
  if (n % 2 === 0) events.push({ type: 'CredentialChanged', data: { credentialId, workspaceId, name: `renamed ${n}`, location: 'query', parameterName: 'api_key', allowedHosts: ['api.example.com', 'eu.example.com'], changedAt: at(n + 1) } });
  if (n % 3 === 1) events.push({ type: 'CredentialValueRotated', data: { credentialId, workspaceId, sealedValue, lastFour: 'abcd', rotatedAt: at(n + 2) } });
  if (n % 4 === 0) {
    events.push(
      { type: 'CredentialShared', data: { credentialId, workspaceId, principal: { kind: 'key', id: keyId(n + 1) } } },
      { type: 'CredentialShared', data: { credentialId, workspaceId, principal: { kind: 'role', id: 'admin' } } },
      { type: 'CredentialUnshared', data: { credentialId, workspaceId, principal: { kind: 'key', id: keyId(n + 1) } } },
    );
  }
  if (n % 5 === 3) events.push({ type: 'CredentialDeleted', data: { credentialId, workspaceId, deletedAt: at(n + 3) } });
  return events;
};

/** Created, changed, its secret rotated, disabled by the sender and enabled again, sometimes deleted; sealed secrets are stand-ins. */
const webhookHistory = (n: number, workspaceId: string): KeywardEvent[] => {
  const webhookId = `whk_${n}`;
  const sealedSecret = { nonce: 'bm9uY2U', ciphertext: `c2VjcmV0${n}`, tag: 'dGFn' };
  const events: KeywardEvent[] = [
    { type: 'WebhookCreated', data: { webhookId, workspaceId, url: `https://hooks.example.com/${n}`, events: ['key.revoked'], description: n % 2 ? '' : `hook ${n}`, sealedSecret, createdAt: at(n) } },
  ];
  if (n % 2 === 0) events.push({ type: 'WebhookChanged', data: { webhookId, workspaceId, url: `https://other.example.com/${n}`, events: ['key.leaked', 'key.revoked'], description: 'changed', enabled: true, changedAt: at(n + 1) } });
  if (n % 3 === 1) events.push({ type: 'WebhookSecretRotated', data: { webhookId, workspaceId, sealedSecret, rotatedAt: at(n + 2) } });
  if (n % 4 === 1) events.push({ type: 'WebhookDisabled', data: { webhookId, workspaceId, reason: 'deliveries failed for 1440 minutes (last: answered 500)', disabledAt: at(n + 3) } });
  if (n % 8 === 1) events.push({ type: 'WebhookChanged', data: { webhookId, workspaceId, url: `https://hooks.example.com/${n}`, events: ['key.revoked'], description: '', enabled: true, changedAt: at(n + 4) } });
  if (n % 10 === 5) events.push({ type: 'WebhookDeleted', data: { webhookId, workspaceId, deletedAt: at(n + 5) } });
  return events;
};

const identityIdOf = (n: number): string => `idn_${String(n).padStart(24, '0')}`;

/** Created, renamed, its limits, metadata and credits changed, sometimes deleted; keys of `n + 1` belong to it. */
const identityHistory = (n: number, workspaceId: string): KeywardEvent[] => {
  const identityId = identityIdOf(n);
  const events: KeywardEvent[] = [
    { type: 'IdentityCreated', data: { identityId, workspaceId, externalId: `user_${n}`, meta: n % 2 ? {} : { n }, ratelimits: [], ...(n % 3 ? {} : { credits: { remaining: n } }), createdAt: at(n) } },
  ];
  if (n % 2 === 0) events.push({ type: 'IdentityChanged', data: { identityId, workspaceId, externalId: `org_${n}`, ratelimits: [{ name: 'tokens', limit: n, windowSeconds: 60, autoApply: true }], changedAt: at(n + 1) } });
  if (n % 4 === 0) events.push({ type: 'IdentityChanged', data: { identityId, workspaceId, meta: {}, credits: { credits: { remaining: 5, refill: { interval: 'daily', amount: 5 } }, generation: 2 }, changedAt: at(n + 2) } });
  if (n % 5 === 0) events.push({ type: 'IdentityDeleted', data: { identityId, workspaceId, deletedAt: at(n + 3) } });
  return events;
};

/** A created workspace, its plan and settings changed. */
const workspaceHistory = (workspaceId: string): KeywardEvent[] => [
  workspaceCreated(workspaceId, { plan: 'pro' }),
  { type: 'WorkspacePlanChanged', data: { workspaceId, plan: 'enterprise', changedAt: at(2) } },
  { type: 'WorkspaceSettingsChanged', data: { workspaceId, settings: { ...defaultWorkspaceSettings(), staleAfterDays: 30 }, changedAt: at(3) } },
];

const metadata = (workspaceId: string) => ({ workspaceId, actor: 'root', correlationId: 'c', causationId: 'c', occurredAt: at(0), schemaVersion: 1 });

/**
 * Appends a history of every kind of read-model event for keys `from` to `from + keys - 1`, each
 * stream in one append: workspaces (and `default`'s plan, which makes its row), roles, credentials, webhooks, identities, then keys,
 * spread over `default` and a workspace of their own. Answers the position of the last append.
 */
export const appendMixedHistory = async (store: EventStore, from: number, keys: number): Promise<Position> => {
  const workspaceId = `ws_${from}`;
  let last = (await store.appendToStream(workspaceStreamId(workspaceId), workspaceHistory(workspaceId).map((e) => ({ ...e, metadata: metadata(workspaceId) })), { expectedVersion: 'any' })).position;
  const plan: KeywardEvent = { type: 'WorkspacePlanChanged', data: { workspaceId: 'default', plan: from % 2 ? 'pro' : 'enterprise', changedAt: at(1) } };
  last = (await store.appendToStream(workspaceStreamId('default'), [{ ...plan, metadata: metadata('default') }], { expectedVersion: 'any' })).position;
  for (let n = from; n < from + keys; n++) {
    const inWorkspace = n % 2 ? 'default' : workspaceId;
    if (n % 4 === 0) last = (await store.appendToStream(roleStreamId(`role_${n}`), roleHistory(n, inWorkspace).map((e) => ({ ...e, metadata: metadata(inWorkspace) })), { expectedVersion: 'any' })).position;
    if (n % 3 === 0) last = (await store.appendToStream(credentialStreamId(`cred_${n}`), credentialHistory(n, inWorkspace).map((e) => ({ ...e, metadata: metadata(inWorkspace) })), { expectedVersion: 'any' })).position;
    if (n % 5 === 0 || n % 5 === 1) last = (await store.appendToStream(webhookStreamId(`whk_${n}`), webhookHistory(n, inWorkspace).map((e) => ({ ...e, metadata: metadata(inWorkspace) })), { expectedVersion: 'any' })).position;
    if (n % 6 === 0) last = (await store.appendToStream(identityStreamId(identityIdOf(n)), identityHistory(n, inWorkspace).map((e) => ({ ...e, metadata: metadata(inWorkspace) })), { expectedVersion: 'any' })).position;
    last = (await store.appendToStream(keyStreamId(keyId(n)), keyHistory(n, inWorkspace).map((e) => ({ ...e, metadata: metadata(inWorkspace) })), { expectedVersion: 'any' })).position;
  }
  return last;
};
