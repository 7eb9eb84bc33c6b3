import {
  isIdentityEvent,
  isKeyEvent,
  type IdentityChanged,
  type IdentityCreated,
  type IdentityDeleted,
  type IdentityEvent,
  type JsonObject,
  type KeyCreditsChanged,
  type KeyDisabled,
  type KeyEnabled,
  type KeyMetaChanged,
  type KeyNamedRateLimitsChanged,
  type NamedRateLimit,
  isRoleEvent,
  isWorkspaceEvent,
  Plans,
  type AccessLevel,
  type DomainEvent,
  type KeyCreated,
  type KeyDeleted,
  type KeyEvent,
  type KeyExpiryChanged,
  type KeyIpAllowlistChanged,
  type KeyRateLimitChanged,
  type KeyRenamed,
  type RateLimit,
  type RateLimitWhenUnreachable,
  RateLimitWhenUnreachableChoices,
  type KeyPermissionsChanged,
  type KeyRevoked,
  type KeyRotated,
  type ResourcePermissions,
  type ResourceShared,
  type ResourceUnshared,
  type RoleAssigned,
  type RoleCreated,
  type RoleDeleted,
  type RoleEvent,
  type RolePermissionsChanged,
  type RoleUnassigned,
  type WorkspaceCreated,
  type WorkspaceEvent,
  type WorkspacePlanChanged,
  type WorkspaceSettingsChanged,
} from '@keyward/contracts';
import {
  defaultWorkspaceSettings,
  IpAllowlistMatcher,
  isAccessLevel,
  isBuiltInRole,
  isCredits,
  isKeyEnvironment,
  isLevelResource,
  isPermissionAction,
  isRateLimit,
  isResourceInstance,
  isResourceName,
  NO_META,
  validExternalId,
  validMeta,
  validNamedRateLimits,
} from '@keyward/domain';
import { creditsSetting, type CreditsSetting } from '@keyward/credits';

/**
 * An event whose data is not what its type says (a bug or a foreign writer). Its message names
 * the event type and the field, never a value: event data must not reach the logs.
 */
export class MalformedEventError extends Error {
  override readonly name = 'MalformedEventError';
}

/** An event with only the fields the index reads, each checked. */
type Read<E extends DomainEvent, K extends keyof E['data']> = { readonly type: E['type']; readonly data: Pick<E['data'], K> };

/** The access events, whole: they go to the domain's `evolveKeyAccess` as they are. */
export type KeyAccessEvent = RoleAssigned | RoleUnassigned | KeyPermissionsChanged | ResourceShared | ResourceUnshared;

/** A key's limits as the index keeps them: the allowlist already parsed, absent ones as `null`. */
export interface IndexKeyLimits {
  readonly ratelimit: RateLimit | null;
  readonly ipAllowlist: IpAllowlistMatcher | null;
}

/** What a key carries beyond the basics; absent or empty on most keys, which then cost nothing for them. */
export interface IndexKeyExtras {
  readonly credits: CreditsSetting | null;
  readonly ratelimits: readonly NamedRateLimit[];
  /** `null` for `{}`. */
  readonly meta: JsonObject | null;
  readonly identityId: string | null;
}

type ReadCreated = Read<KeyCreated, 'keyId' | 'workspaceId' | 'name' | 'environment' | 'secretHash' | 'expiresAt' | 'roles' | 'permissions' | 'unrestricted'>;

export type IndexKeyEvent =
  | { readonly type: 'KeyCreated'; readonly data: ReadCreated['data'] & IndexKeyLimits & IndexKeyExtras }
  | Read<KeyRotated, 'keyId' | 'secretHash' | 'previousKeyExpiresAt'>
  | Read<KeyRevoked, 'keyId'>
  | Read<KeyDeleted, 'keyId'>
  | Read<KeyRenamed, 'keyId' | 'name'>
  | Read<KeyExpiryChanged, 'keyId' | 'expiresAt'>
  | { readonly type: KeyRateLimitChanged['type']; readonly data: Pick<IndexKeyLimits, 'ratelimit'> & { readonly keyId: string } }
  | { readonly type: KeyIpAllowlistChanged['type']; readonly data: Pick<IndexKeyLimits, 'ipAllowlist'> & { readonly keyId: string } }
  | { readonly type: KeyCreditsChanged['type']; readonly data: Pick<IndexKeyExtras, 'credits'> & { readonly keyId: string } }
  | Read<KeyNamedRateLimitsChanged, 'keyId' | 'ratelimits'>
  | { readonly type: KeyMetaChanged['type']; readonly data: Pick<IndexKeyExtras, 'meta'> & { readonly keyId: string } }
  | Read<KeyDisabled | KeyEnabled, 'keyId'>
  | KeyAccessEvent;

/** An identity as the index keeps it (`meta` `{}` included: verify answers always carry it). */
export interface IndexIdentityFields {
  readonly externalId: string;
  readonly meta: JsonObject;
  readonly ratelimits: readonly NamedRateLimit[];
  readonly credits: CreditsSetting | null;
}

export type IndexIdentityEvent =
  | { readonly type: IdentityCreated['type']; readonly data: IndexIdentityFields & { readonly identityId: string; readonly workspaceId: string } }
  | { readonly type: IdentityChanged['type']; readonly data: Partial<IndexIdentityFields> & { readonly identityId: string; readonly workspaceId: string } }
  | Read<IdentityDeleted, 'identityId' | 'workspaceId'>;

export type IndexRoleEvent = Read<RoleCreated | RolePermissionsChanged, 'roleId' | 'workspaceId' | 'permissions'> | Read<RoleDeleted, 'roleId' | 'workspaceId'>;

/** What the index keeps of a workspace's settings. */
interface IndexSettings {
  readonly rateLimitWhenUnreachable: RateLimitWhenUnreachable;
}

export type IndexWorkspaceEvent =
  | { readonly type: WorkspaceCreated['type']; readonly data: Pick<WorkspaceCreated['data'], 'workspaceId' | 'plan'> & IndexSettings }
  | Read<WorkspacePlanChanged, 'workspaceId' | 'plan'>
  | { readonly type: WorkspaceSettingsChanged['type']; readonly data: Pick<WorkspaceSettingsChanged['data'], 'workspaceId'> & IndexSettings };

export type IndexEvent = IndexKeyEvent | IndexRoleEvent | IndexWorkspaceEvent | IndexIdentityEvent;

/** Ids are opaque to the index, but bounded: a huge one is no id any writer of this version makes. */
const MAX_ID_LENGTH = 200;
const SHA256_HEX = /^[0-9a-f]{64}$/;
/** Shared by every key and identity without limits or metadata. */
export const NO_NAMED_LIMITS: readonly NamedRateLimit[] = Object.freeze([]);
const FIRST_GENERATION = (): number => 1;

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** Checks one event's data field by field, failing on the first bad one. */
class DataReader {
  private constructor(
    private readonly type: string,
    private readonly data: Readonly<Record<string, unknown>>,
  ) {}

  static of(type: string, data: unknown): DataReader {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new MalformedEventError(`${type}: data is not an object`);
    return new DataReader(type, data as Readonly<Record<string, unknown>>);
  }

  private bad(field: string, why = 'is missing or invalid'): never {
    throw new MalformedEventError(`${this.type}: ${field} ${why}`);
  }

  field(field: string): unknown {
    return Object.hasOwn(this.data, field) ? this.data[field] : undefined;
  }

  text(field: string): string {
    const value = this.field(field);
    return typeof value === 'string' ? value : this.bad(field);
  }

  id(field: string): string {
    const value = this.text(field);
    return value.length > 0 && value.length <= MAX_ID_LENGTH ? value : this.bad(field);
  }

  roleId(field: string): string {
    const value = this.id(field);
    return isBuiltInRole(value) ? this.bad(field, 'names a built-in role') : value;
  }

  resource(field: string): string {
    const value = this.text(field);
    return isResourceName(value) ? value : this.bad(field);
  }

  instance(field: string): string {
    const value = this.text(field);
    return isResourceInstance(value) ? value : this.bad(field);
  }

  boolean(field: string): boolean {
    const value = this.field(field);
    return typeof value === 'boolean' ? value : this.bad(field);
  }

  /** A value the domain's rule `is` accepts. */
  valid<T>(field: string, is: (value: unknown) => value is T): T {
    const value = this.field(field);
    return is(value) ? value : this.bad(field);
  }

  oneOf<T extends string>(field: string, allowed: readonly T[]): T {
    const value = this.field(field);
    return allowed.includes(value as T) ? (value as T) : this.bad(field);
  }

  /** An ISO instant: a date that does not parse would otherwise never expire (NaN compares false). */
  instant(field: string): string {
    const value = this.text(field);
    return Number.isFinite(Date.parse(value)) ? value : this.bad(field);
  }

  count(field: string): number {
    const value = this.field(field);
    return isCount(value) ? value : this.bad(field);
  }

  instantOrNull(field: string): string | null {
    return this.field(field) === null ? null : this.instant(field);
  }

  /** `null`, or absent where not `required` (a KeyCreated from before limits existed, or of a key without one): no limit. */
  rateLimitOrNull(field: string, required: boolean): RateLimit | null {
    const value = this.field(field);
    if (value === undefined && required) return this.bad(field);
    if (value === undefined || value === null) return null;
    return isRateLimit(value) ? { limit: value.limit, windowSeconds: value.windowSeconds } : this.bad(field);
  }

  /** Absent or empty: any address. Parsed here, once, so that a verify never parses a range. */
  allowlist(field: string, required: boolean): IpAllowlistMatcher | null {
    const value = this.field(field);
    if (value === undefined && !required) return null;
    if (!Array.isArray(value) || !value.every((entry: unknown) => typeof entry === 'string')) return this.bad(field);
    try {
      return IpAllowlistMatcher.of(value) ?? null;
    } catch {
      return this.bad(field);
    }
  }

  /** A setting inside `settings`; absent (settings written before it existed): `fallback`. */
  setting<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const settings = this.field('settings');
    if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) return this.bad('settings');
    const value = Object.hasOwn(settings, name) ? (settings as Record<string, unknown>)[name] : undefined;
    if (value === undefined) return fallback;
    return allowed.includes(value as T) ? (value as T) : this.bad(`settings.${name}`);
  }

  /** Absent (written before credits existed, or none set): `null`, as is an explicit `null`. */
  creditsOrNull(field: string, generation: () => number, setAt: () => string): CreditsSetting | null {
    const value = this.field(field);
    if (value === undefined || value === null) return null;
    return isCredits(value) ? creditsSetting(value, generation(), setAt()) : this.bad(field);
  }

  /** Which setting of a balance this is: 1 for the first, one more at each change. */
  generation(field: string): number {
    const value = this.field(field);
    return Number.isSafeInteger(value) && (value as number) >= 1 ? (value as number) : this.bad(field);
  }

  /** Absent where not `required`: none. By the domain's rule: names unique, at most MAX_NAMED_RATE_LIMITS. */
  namedLimits(field: string, required: boolean): readonly NamedRateLimit[] {
    const value = this.field(field);
    if (value === undefined && !required) return NO_NAMED_LIMITS;
    const limits = this.checked(field, () => validNamedRateLimits(value));
    return limits.length === 0 ? NO_NAMED_LIMITS : limits;
  }

  /** An identity's external id, by the domain's rule (up to 255 code points: longer than any id). */
  externalId(field: string): string {
    const value = this.field(field);
    return this.checked(field, () => validExternalId(value));
  }

  /** A JSON object; `null` for `{}`, or absent where not `required`. */
  metaOrNull(field: string, required: boolean): JsonObject | null {
    const value = this.field(field);
    if (value === undefined && !required) return null;
    const meta = this.checked(field, () => validMeta(value));
    return meta === NO_META ? null : meta;
  }

  /** What the domain's rule `valid` makes of a field, which throws on a bad one (its message is not ours to log: it may quote the value). */
  private checked<T>(field: string, valid: () => T): T {
    try {
      return valid();
    } catch {
      return this.bad(field);
    }
  }

  secretHash(field: string): string {
    const value = this.text(field);
    return SHA256_HEX.test(value) ? value : this.bad(field);
  }

  idList(field: string): string[] {
    const value = this.field(field);
    if (!Array.isArray(value)) return this.bad(field);
    return value.map((item: unknown) => (typeof item === 'string' && item.length > 0 && item.length <= MAX_ID_LENGTH ? item : this.bad(field)));
  }

  /** Role permissions stay strings: the domain's `parseGrants` reads them, dropping any it cannot. */
  textList(field: string): string[] {
    const value = this.field(field);
    if (!Array.isArray(value)) return this.bad(field);
    return value.map((item: unknown) => (typeof item === 'string' ? item : this.bad(field)));
  }

  /** A restricted key's levels: `{ resource | "*": "none" | "read" | "write" }`. */
  levels(field: string): ResourcePermissions {
    const value = this.field(field);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return this.bad(field);
    const levels: Record<string, AccessLevel> = {};
    for (const [resource, level] of Object.entries(value)) {
      if (!isLevelResource(resource) || !isAccessLevel(level)) return this.bad(field);
      levels[resource] = level;
    }
    return levels;
  }
}

const readKeyEvent = (type: KeyEvent['type'], r: DataReader): IndexKeyEvent | undefined => {
  switch (type) {
    case 'KeyCreated':
      return {
        type,
        data: {
          keyId: r.id('keyId'),
          workspaceId: r.id('workspaceId'),
          name: r.text('name'),
          environment: r.valid('environment', isKeyEnvironment),
          secretHash: r.secretHash('secretHash'),
          expiresAt: r.instantOrNull('expiresAt'),
          roles: r.idList('roles'),
          permissions: r.levels('permissions'),
          unrestricted: r.boolean('unrestricted'),
          ratelimit: r.rateLimitOrNull('ratelimit', false),
          ipAllowlist: r.allowlist('ipAllowlist', false),
          credits: r.creditsOrNull('credits', FIRST_GENERATION, () => r.instant('createdAt')),
          ratelimits: r.namedLimits('ratelimits', false),
          meta: r.metaOrNull('meta', false),
          identityId: r.field('identityId') === undefined ? null : r.id('identityId'),
        },
      };
    case 'KeyRotated':
      return { type, data: { keyId: r.id('keyId'), secretHash: r.secretHash('secretHash'), previousKeyExpiresAt: r.instant('previousKeyExpiresAt') } };
    case 'KeyRevoked':
    case 'KeyDeleted':
      return { type, data: { keyId: r.id('keyId') } };
    case 'KeyRenamed':
      return { type, data: { keyId: r.id('keyId'), name: r.text('name') } };
    case 'KeyExpiryChanged':
      return { type, data: { keyId: r.id('keyId'), expiresAt: r.instantOrNull('expiresAt') } };
    case 'KeyRateLimitChanged':
      return { type, data: { keyId: r.id('keyId'), ratelimit: r.rateLimitOrNull('ratelimit', true) } };
    case 'KeyIpAllowlistChanged':
      return { type, data: { keyId: r.id('keyId'), ipAllowlist: r.allowlist('ipAllowlist', true) } };
    case 'KeyCreditsChanged':
      return { type, data: { keyId: r.id('keyId'), credits: r.creditsOrNull('credits', () => r.generation('generation'), () => r.instant('changedAt')) } };
    case 'KeyNamedRateLimitsChanged':
      return { type, data: { keyId: r.id('keyId'), ratelimits: r.namedLimits('ratelimits', true) } };
    case 'KeyMetaChanged':
      return { type, data: { keyId: r.id('keyId'), meta: r.metaOrNull('meta', true) } };
    case 'KeyDisabled':
    case 'KeyEnabled':
      return { type, data: { keyId: r.id('keyId') } };
    case 'RoleAssigned':
    case 'RoleUnassigned':
      return { type, data: { keyId: r.id('keyId'), roleId: r.id('roleId') } };
    case 'KeyPermissionsChanged':
      return { type, data: { keyId: r.id('keyId'), permissions: r.levels('permissions'), unrestricted: r.boolean('unrestricted') } };
    case 'ResourceShared':
      return { type, data: { keyId: r.id('keyId'), resource: r.resource('resource'), resourceId: r.instance('resourceId'), access: r.valid('access', isPermissionAction) } };
    case 'ResourceUnshared':
      return { type, data: { keyId: r.id('keyId'), resource: r.id('resource'), resourceId: r.id('resourceId') } };
    default:
      return undefined;
  }
};

const readRoleEvent = (type: RoleEvent['type'], r: DataReader): IndexRoleEvent | undefined => {
  switch (type) {
    case 'RoleCreated':
    case 'RolePermissionsChanged':
      return { type, data: { roleId: r.roleId('roleId'), workspaceId: r.id('workspaceId'), permissions: r.textList('permissions') } };
    case 'RoleDeleted':
      return { type, data: { roleId: r.roleId('roleId'), workspaceId: r.id('workspaceId') } };
    default:
      return undefined;
  }
};

/** Settings written before the setting existed read as its default. */
const unreachable = (r: DataReader): RateLimitWhenUnreachable =>
  r.setting('rateLimitWhenUnreachable', RateLimitWhenUnreachableChoices, defaultWorkspaceSettings().rateLimitWhenUnreachable);

const readWorkspaceEvent = (type: WorkspaceEvent['type'], r: DataReader): IndexWorkspaceEvent | undefined => {
  switch (type) {
    case 'WorkspaceCreated':
      return { type, data: { workspaceId: r.id('workspaceId'), plan: r.oneOf('plan', Plans), rateLimitWhenUnreachable: unreachable(r) } };
    case 'WorkspacePlanChanged':
      // A plan this version does not know must not be guessed at (nor looked up on a prototype).
      return { type, data: { workspaceId: r.id('workspaceId'), plan: r.oneOf('plan', Plans) } };
    case 'WorkspaceSettingsChanged':
      return { type, data: { workspaceId: r.id('workspaceId'), rateLimitWhenUnreachable: unreachable(r) } };
    default:
      return undefined;
  }
};

const readIdentityEvent = (type: IdentityEvent['type'], r: DataReader): IndexIdentityEvent => {
  const ids = { identityId: r.id('identityId'), workspaceId: r.id('workspaceId') };
  switch (type) {
    case 'IdentityCreated':
      return {
        type,
        data: {
          ...ids,
          externalId: r.externalId('externalId'),
          meta: r.metaOrNull('meta', true) ?? NO_META,
          ratelimits: r.namedLimits('ratelimits', true),
          credits: r.creditsOrNull('credits', FIRST_GENERATION, () => r.instant('createdAt')),
        },
      };
    case 'IdentityChanged': {
      // `credits: { credits: Credits | null, generation }`, set at the change's `changedAt`.
      const changed = r.field('credits');
      const credits = changed === undefined ? undefined : DataReader.of(`${type}: credits`, changed);
      return {
        type,
        data: {
          ...ids,
          ...(r.field('externalId') === undefined ? {} : { externalId: r.externalId('externalId') }),
          ...(r.field('meta') === undefined ? {} : { meta: r.metaOrNull('meta', true) ?? NO_META }),
          ...(r.field('ratelimits') === undefined ? {} : { ratelimits: r.namedLimits('ratelimits', true) }),
          ...(credits === undefined ? {} : { credits: credits.creditsOrNull('credits', () => credits.generation('generation'), () => r.instant('changedAt')) }),
        },
      };
    }
    default:
      return { type, data: ids };
  }
};

/** Credits as a snapshot holds them: with their generation and when they were set. */
const storedCredits = (r: DataReader): CreditsSetting | null => {
  const value = r.field('credits');
  if (value === null || value === undefined) return null;
  const c = DataReader.of('credits', value);
  // Kept as the ledger takes it (`setAtMs`): back to the instant it was read from.
  return r.creditsOrNull('credits', () => c.generation('generation'), () => new Date(c.count('setAtMs')).toISOString());
};

/** A snapshot's copy of what the events above set, checked by the same rules (throws `MalformedEventError`). */
export const readStoredExtras = (value: unknown): IndexKeyExtras & { readonly disabled: boolean } => {
  const r = DataReader.of('extras', value);
  return {
    credits: storedCredits(r),
    ratelimits: r.namedLimits('ratelimits', true),
    meta: r.field('meta') === null ? null : r.metaOrNull('meta', true),
    identityId: r.field('identityId') === null ? null : r.id('identityId'),
    disabled: r.boolean('disabled'),
  };
};

export const readStoredIdentity = (value: unknown): IndexIdentityFields => {
  const r = DataReader.of('identities', value);
  return { externalId: r.externalId('externalId'), meta: r.metaOrNull('meta', true) ?? NO_META, ratelimits: r.namedLimits('ratelimits', true), credits: storedCredits(r) };
};

/**
 * The boundary between the store and the index: an event of a type the index reads, with every
 * field it reads checked; `undefined` for any other type (another service's, or a newer writer's).
 * Throws `MalformedEventError` for a known type with bad data.
 */
export const parseIndexEvent = (event: { readonly type: string; readonly data: unknown }): IndexEvent | undefined => {
  if (isKeyEvent(event)) return readKeyEvent(event.type, DataReader.of(event.type, event.data));
  if (isRoleEvent(event)) return readRoleEvent(event.type, DataReader.of(event.type, event.data));
  if (isWorkspaceEvent(event)) return readWorkspaceEvent(event.type, DataReader.of(event.type, event.data));
  if (isIdentityEvent(event)) return readIdentityEvent(event.type, DataReader.of(event.type, event.data));
  return undefined;
};
