import type { IdentityChangedData, IdentityCreatedData, KeyCreatedData, KeyEvent, KeywardEvent, Plan, ResourcePermissions, Share, VerifyAnswer } from '@keyward/contracts';
import { generateKeySecret, keySecretDigest, storedSecretOf } from '@keyward/domain';
import type { RecordedEvent } from '@keyward/event-store';
import { KeyIndex, type IndexedKey } from '../key-index/key-index';
import { answerVerify, type RateLimiting, type VerifyContext } from '../verify/answer-verify';
import type { CreditSpend } from '@keyward/credits';
import type { CreditSpending } from '../verify/credit-spending';
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

/** One of the key events this round added (credits, named limits, meta, disable/enable), for `keyId`. */
export const keyChanged = <T extends 'KeyCreditsChanged' | 'KeyNamedRateLimitsChanged' | 'KeyMetaChanged' | 'KeyDisabled' | 'KeyEnabled'>(
  type: T,
  data: Extract<KeyEvent, { type: T }>['data'],
): RecordedEvent => recorded({ type, data } as KeywardEvent);

export const identityCreated = (identityId: string, over: Partial<IdentityCreatedData> = {}): RecordedEvent =>
  recorded({ type: 'IdentityCreated', data: { identityId, workspaceId: 'default', externalId: `ext_${identityId}`, meta: {}, ratelimits: [], createdAt: '2026-01-01T00:00:00.000Z', ...over } });

export const identityChanged = (identityId: string, over: Partial<IdentityChangedData>): RecordedEvent =>
  recorded({ type: 'IdentityChanged', data: { identityId, workspaceId: 'default', changedAt: '2026-06-01T00:00:00.000Z', ...over } });

export const identityDeleted = (identityId: string, workspaceId = 'default'): RecordedEvent =>
  recorded({ type: 'IdentityDeleted', data: { identityId, workspaceId, deletedAt: '' } });

/**
 * A stand-in for libs/credits' ledger, for these unit tests only: spends against the balance as set
 * in each generation, without refills or replicas (libs/credits has those, and their tests); cost 0
 * passes while credits remain, as there.
 */
export const memoryCredits = (): CreditSpending & { readonly asked: string[] } => {
  const spent = new Map<string, number>();
  const asked: string[] = [];
  return {
    asked,
    spend: (ownerId, setting, cost): CreditSpend => {
      asked.push(ownerId);
      const basis = `${ownerId}@${setting.generation}`;
      const balance = setting.remaining - (spent.get(basis) ?? 0);
      if (cost > balance || (cost === 0 && balance === 0)) return { outcome: 'exceeded', remaining: balance };
      spent.set(basis, (spent.get(basis) ?? 0) + cost);
      return { outcome: 'granted', remaining: balance - cost };
    },
  };
};

/** A verifier's context over `index` that always serves, with the test limiter and credits. */
export const contextOf = (index: KeyIndex, over: Partial<VerifyContext> = {}): VerifyContext => ({
  index,
  pepper: TEST_PEPPER,
  serving: () => true,
  described: new DescribedAnswers(),
  limiter: grantingLimiter(),
  credits: memoryCredits(),
  ...over,
});

/** Asks as `askOf`, for answers that may wait (named limits, credits). */
export const askLaterOf = (context: VerifyContext): ((request: unknown, now?: number) => Promise<VerifyAnswer>) => async (request, now = TEST_NOW) =>
  answerVerify(Buffer.from(typeof request === 'string' ? request : JSON.stringify(request)), context, now);

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
  const context = contextOf(index);
  return (request, now = TEST_NOW) => answeredAtOnce(answerVerify(Buffer.from(typeof request === 'string' ? request : JSON.stringify(request)), context, now));
};

/**
 * A limiter that decides at once: grants `limit` tokens per counter (the window never resets), each
 * call its cost, then denies; `calls` lists which counters it was asked for.
 */
export const grantingLimiter = (resetMs = TEST_NOW + 10_000): RateLimiting & { readonly calls: string[] } => {
  const calls: string[] = [];
  const used = new Map<string, number>();
  return {
    calls,
    take: (keyId, rule, _whenUnreachable, _now, cost = 1) => {
      calls.push(keyId);
      const before = used.get(keyId) ?? 0;
      const granted = before + cost <= rule.limit;
      if (granted) used.set(keyId, before + cost);
      return { granted, limit: rule.limit, remaining: Math.max(0, rule.limit - (used.get(keyId) ?? 0)), resetMs, degraded: false };
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
