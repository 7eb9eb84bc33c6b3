import type { KeyCreatedData, KeywardEvent, Plan, ResourcePermissions, Share, VerifyAnswer } from '@keyward/contracts';
import { generateKeySecret, keySecretDigest, storedSecretOf } from '@keyward/domain';
import type { RecordedEvent } from '@keyward/event-store';
import { KeyIndex, type IndexedKey } from '../key-index/key-index';
import { answerVerify, type RateLimiting } from '../verify/answer-verify';
import { DescribedAnswers } from '../verify/described-answers';

export const TEST_PEPPER = Buffer.from('p'.repeat(32));
export const TEST_NOW = Date.parse('2026-11-23T10:00:00.000Z');

let position = 0n;

/** An event as the store hands it to followers, each at the next position. Untyped events stand for bad or foreign writers. */
export const recorded = (event: KeywardEvent | { type: string; data: unknown }): RecordedEvent =>
  ({
    ...event,
    eventId: String(position),
    metadata: { workspaceId: 'default', actor: 'system', correlationId: 'c', causationId: 'c', occurredAt: '', schemaVersion: 1 },
    streamId: 'test',
    streamVersion: 0n,
    position: { commit: 1n, prepare: ++position },
    recordedAt: new Date(TEST_NOW),
  }) as RecordedEvent;

let keys = 0;

export interface CreatedKey {
  readonly secret: string;
  readonly keyId: string;
  readonly event: RecordedEvent;
}

/** A KeyCreated for a new secret: unrestricted in workspace `default` unless `over` says otherwise. */
export const keyCreated = (over: Partial<KeyCreatedData> = {}): CreatedKey => {
  const secret = generateKeySecret('live');
  const keyId = `key_${String(++keys).padStart(24, '0')}`;
  const data: KeyCreatedData = {
    keyId,
    workspaceId: 'default',
    name: 'k',
    environment: 'live',
    ...storedSecretOf(TEST_PEPPER, secret),
    createdAt: '2026-01-01T00:00:00.000Z',
    expiresAt: null,
    roles: [],
    permissions: {},
    unrestricted: true,
    ...over,
  };
  return { secret, keyId: data.keyId, event: recorded({ type: 'KeyCreated', data }) };
};

/** A restricted key holding `roles` and `permissions`, in `workspaceId`. */
export const restrictedKey = (roles: readonly string[], permissions: ResourcePermissions = {}, workspaceId = 'default'): CreatedKey =>
  keyCreated({ unrestricted: false, roles, permissions, workspaceId });

export const roleCreated = (roleId: string, permissions: readonly string[], workspaceId = 'default'): RecordedEvent =>
  recorded({ type: 'RoleCreated', data: { roleId, workspaceId, name: roleId, description: '', permissions, createdAt: '' } });

export const roleChanged = (roleId: string, permissions: readonly string[], workspaceId = 'default'): RecordedEvent =>
  recorded({ type: 'RolePermissionsChanged', data: { roleId, workspaceId, name: roleId, description: '', permissions, changedAt: '' } });

export const roleDeleted = (roleId: string, workspaceId = 'default'): RecordedEvent =>
  recorded({ type: 'RoleDeleted', data: { roleId, workspaceId, deletedAt: '' } });

export const workspaceCreated = (workspaceId: string, plan: Plan): RecordedEvent =>
  recorded({ type: 'WorkspaceCreated', data: { workspaceId, name: workspaceId, plan, settings: { keyPermissionsImmutable: false, resourceCatalogue: [] }, createdAt: '' } });

export const planChanged = (workspaceId: string, plan: Plan): RecordedEvent =>
  recorded({ type: 'WorkspacePlanChanged', data: { workspaceId, plan, changedAt: '' } });

export const shared = (keyId: string, share: Share): RecordedEvent => recorded({ type: 'ResourceShared', data: { keyId, ...share } });

export const keyDeleted = (keyId: string): RecordedEvent => recorded({ type: 'KeyDeleted', data: { keyId, deletedAt: '' } });

/** The indexed key a secret finds, as a verify would. */
export const indexedKey = (index: KeyIndex, secret: string): IndexedKey | undefined =>
  index.lookup(keySecretDigest(TEST_PEPPER, secret))?.key;

/** An index fed `events` in order. */
export const indexOf = (...events: readonly RecordedEvent[]): KeyIndex => {
  const index = new KeyIndex();
  for (const event of events) index.apply(event);
  return index;
};

/** Asks `index` as `keyward.v1.verify` would, from an always-serving verifier. */
export const askOf = (index: KeyIndex): ((request: unknown, now?: number) => VerifyAnswer) => {
  // One per index, as in the verifier: asking again after an event must not find a stale answer.
  const context = { index, pepper: TEST_PEPPER, serving: () => true, described: new DescribedAnswers(), limiter: grantingLimiter() };
  return (request, now = TEST_NOW) => answeredAtOnce(answerVerify(Buffer.from(typeof request === 'string' ? request : JSON.stringify(request)), context, now));
};

/** A limiter that decides at once: grants `limit` calls per key (the window never resets), then denies; `calls` lists whom it was asked for. */
export const grantingLimiter = (resetMs = TEST_NOW + 10_000): RateLimiting & { readonly calls: string[] } => {
  const calls: string[] = [];
  return {
    calls,
    take: (keyId, rule) => {
      calls.push(keyId);
      const used = calls.filter((k) => k === keyId).length;
      return { granted: used <= rule.limit, limit: rule.limit, remaining: Math.max(0, rule.limit - used), resetMs, degraded: false };
    },
  };
};

/** The answer, which these helpers' limiter always gives at once. */
export const answeredAtOnce = (answer: VerifyAnswer | Promise<VerifyAnswer>): VerifyAnswer => {
  if (answer instanceof Promise) throw new Error('the test limiter answers at once');
  return answer;
};

/** The sorted permissions a key's verify answer would list. */
export const permissionsOf = (index: KeyIndex, secret: string): string[] => [...(indexedKey(index, secret)?.granted.permissions ?? [])].sort();
