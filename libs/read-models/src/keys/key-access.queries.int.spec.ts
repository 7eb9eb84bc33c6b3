import { identityStreamId, keyStreamId, roleStreamId, workspaceStreamId, type IdentityEvent, type KeywardEvent } from '@keyward/contracts';
import { parsePermissionQuery, type PermissionQuery } from '@keyward/domain';
import type { PostgresEventStore } from '@keyward/event-store/postgres';
import { projectedHistory } from '../testing/projected-history.fixture';
import { keyCreated, keyId, roleCreated, workspaceCreated } from '../testing/read-model.fixtures';
import { KeyAccessQueries } from './key-access.queries';

jest.setTimeout(30_000);

const WS = 'ws_time';
const KEY = keyId(1);
const SHORT_LIVED = keyId(2);
const BAD_LIST = keyId(3);
const OF_IDENTITY = keyId(4);
const OF_FOREIGN_IDENTITY = keyId(5);
const OF_UNKNOWN_IDENTITY = keyId(6);
const IDENTITY = 'idn_aaaaaaaaaaaaaaaaaaaaaaaa';
const FOREIGN_IDENTITY = 'idn_bbbbbbbbbbbbbbbbbbbbbbbb';
const at = (hhmm: string): string => `2026-03-01T${hhmm}:00.000Z`;

/** Appends one event to its stream, stamped `hhmm` as key-command's clock would stamp it. */
const append = (store: PostgresEventStore, streamId: string, hhmm: string, event: KeywardEvent) =>
  store.appendToStream(streamId, [{ ...event, metadata: { workspaceId: WS, actor: 'system', correlationId: 'c', causationId: 'c', occurredAt: at(hhmm), schemaVersion: 1 } }], {
    expectedVersion: 'any',
  });

const identityCreated = (identityId: string, workspaceId: string, hhmm: string): IdentityEvent => ({
  type: 'IdentityCreated',
  data: { identityId, workspaceId, externalId: identityId, meta: {}, ratelimits: [], createdAt: at(hhmm) },
});

const required = (require?: string | string[]): PermissionQuery => parsePermissionQuery(require) ?? [];

describe('what a key could do at a moment, folded from a real event store', () => {
  const history = projectedHistory('key_access', async (store) => {
    await append(store, workspaceStreamId(WS), '00:00', workspaceCreated(WS, { plan: 'enterprise' }));
    await append(store, roleStreamId('role_calls'), '01:00', roleCreated('role_calls', { workspaceId: WS, permissions: ['calls:read'] }));
    await append(store, keyStreamId(KEY), '02:00', keyCreated(1, { workspaceId: WS, unrestricted: false, roles: ['role_calls'] }));
    await append(store, keyStreamId(SHORT_LIVED), '02:00', keyCreated(2, { workspaceId: WS, expiresAt: at('03:00') }));
    await append(store, roleStreamId('role_calls'), '03:00', {
      type: 'RolePermissionsChanged',
      data: { roleId: 'role_calls', workspaceId: WS, name: 'calls', description: '', permissions: ['calls:read', 'calls:write'], changedAt: at('03:00') },
    });
    await append(store, workspaceStreamId(WS), '04:00', { type: 'WorkspacePlanChanged', data: { workspaceId: WS, plan: 'pro', changedAt: at('04:00') } });
    await append(store, workspaceStreamId(WS), '05:00', { type: 'WorkspacePlanChanged', data: { workspaceId: WS, plan: 'free', changedAt: at('05:00') } });
    await append(store, workspaceStreamId(WS), '06:00', { type: 'WorkspacePlanChanged', data: { workspaceId: WS, plan: 'enterprise', changedAt: at('06:00') } });
    await append(store, keyStreamId(KEY), '06:30', { type: 'KeyPermissionsChanged', data: { keyId: KEY, permissions: { contacts: 'read' }, unrestricted: false } });
    await append(store, keyStreamId(KEY), '07:00', { type: 'KeyIpAllowlistChanged', data: { keyId: KEY, ipAllowlist: ['203.0.113.0/24'] } });
    await append(store, keyStreamId(KEY), '08:00', { type: 'KeyRevoked', data: { keyId: KEY, revokedAt: at('08:00') } });
    await append(store, keyStreamId(KEY), '09:00', { type: 'KeyDeleted', data: { keyId: KEY, deletedAt: at('09:00') } });
    // Not one key-command would write: a history altered by hand.
    await append(store, keyStreamId(BAD_LIST), '02:00', keyCreated(3, { workspaceId: WS, ipAllowlist: ['not an address'] }));
    await append(store, identityStreamId(IDENTITY), '01:30', identityCreated(IDENTITY, WS, '01:30'));
    await append(store, identityStreamId(FOREIGN_IDENTITY), '01:30', identityCreated(FOREIGN_IDENTITY, 'ws_other', '01:30'));
    await append(store, keyStreamId(OF_IDENTITY), '02:00', keyCreated(4, { workspaceId: WS, identityId: IDENTITY }));
    // Also not one key-command would write (it checks the identity), nor a delete while a live key belongs to it: the verifiers fail closed all the same.
    await append(store, keyStreamId(OF_FOREIGN_IDENTITY), '02:00', keyCreated(5, { workspaceId: WS, identityId: FOREIGN_IDENTITY }));
    await append(store, keyStreamId(OF_UNKNOWN_IDENTITY), '02:00', keyCreated(6, { workspaceId: WS, identityId: 'idn_cccccccccccccccccccccccc' }));
    await append(store, identityStreamId(IDENTITY), '07:00', { type: 'IdentityDeleted', data: { identityId: IDENTITY, workspaceId: WS, deletedAt: at('07:00') } });
  });

  const ask = (hhmm: string, require?: string | string[], ip?: string, key = KEY, workspaceId = WS) =>
    new KeyAccessQueries(history.store).get(workspaceId, key, { asOf: new Date(at(hhmm)), required: required(require), ip });

  it('does not know the key before its creation, after its deletion, or from another workspace', async () => {
    expect(await ask('01:59')).toBeUndefined();
    expect(await ask('09:00')).toBeUndefined();
    expect(await ask('03:30', undefined, undefined, KEY, 'ws_other')).toBeUndefined();
  });

  it('folds the custom role as it was then: before and after its edit', async () => {
    expect(await ask('02:00', 'calls:write')).toMatchObject({
      status: 'active',
      assignedRoles: ['role_calls'],
      roles: ['role_calls'],
      permissions: ['calls:read'],
      plan: 'enterprise',
      code: 'INSUFFICIENT_PERMISSIONS',
      valid: false,
    });
    expect(await ask('03:30', 'calls:write')).toMatchObject({ permissions: ['calls:read', 'calls:write'], code: 'VALID', valid: true, require: ['calls:write'] });
  });

  it('answers a permission query as a verify would, and says what was asked', async () => {
    expect(await ask('02:00', 'calls:write OR (calls:read AND contacts:read)')).toMatchObject({ code: 'INSUFFICIENT_PERMISSIONS', require: ['calls:write OR calls:read AND contacts:read'] });
    expect(await ask('02:00', '(calls:write OR calls:read) AND calls:read')).toMatchObject({ code: 'VALID', require: ['(calls:write OR calls:read) AND calls:read'] });
    expect(await ask('03:30', 'calls:write AND (calls:read AND calls:write)')).toMatchObject({ code: 'VALID', require: ['calls:write', 'calls:read', 'calls:write'] });
  });

  it('folds the plan as it was then: custom roles lost on pro, no API access on free, all back on enterprise', async () => {
    expect(await ask('04:30', 'calls:read')).toMatchObject({ plan: 'pro', entitlements: { customRoles: false }, assignedRoles: ['role_calls'], roles: [], permissions: [], code: 'INSUFFICIENT_PERMISSIONS' });
    expect(await ask('05:30', 'calls:read')).toMatchObject({ plan: 'free', code: 'PLAN_UPGRADE_REQUIRED' });
    expect(await ask('06:10', 'calls:write')).toMatchObject({ plan: 'enterprise', code: 'VALID' });
  });

  it('folds the key’s own edits: permissions, then an IP allowlist that a missing or outside address fails', async () => {
    expect(await ask('06:45', ['calls:write', 'contacts:read'])).toMatchObject({ permissions: ['calls:read', 'calls:write', 'contacts:read'], code: 'VALID', ip: null });
    expect(await ask('07:30', 'contacts:read')).toMatchObject({ ipAllowlist: ['203.0.113.0/24'], code: 'FORBIDDEN' });
    expect(await ask('07:30', 'contacts:read', '198.51.100.1')).toMatchObject({ code: 'FORBIDDEN' });
    expect(await ask('07:30', 'contacts:read', '203.0.113.7')).toMatchObject({ code: 'VALID', ip: '203.0.113.7' });
  });

  it('an allowlist entry that does not parse lets no address in, rather than fail the answer', async () => {
    expect(await ask('02:30', undefined, '203.0.113.7', BAD_LIST)).toMatchObject({ ipAllowlist: ['not an address'], code: 'FORBIDDEN' });
  });

  it('answers REVOKED once revoked, whatever is required; an expired key is expired from its expiry on', async () => {
    expect(await ask('08:30', '*:write', '203.0.113.7')).toMatchObject({ status: 'revoked', code: 'REVOKED' });
    expect(await ask('02:59', undefined, undefined, SHORT_LIVED)).toMatchObject({ status: 'active', restricted: false, permissions: ['*:write'], code: 'VALID' });
    expect(await ask('03:00', undefined, undefined, SHORT_LIVED)).toMatchObject({ status: 'expired', code: 'EXPIRED' });
  });

  it("answers DISABLED, as the verifiers do, while the key's identity is not live in its workspace then: deleted, another workspace's, unknown", async () => {
    expect(await ask('02:30', undefined, undefined, OF_IDENTITY)).toMatchObject({ status: 'active', code: 'VALID' });
    expect(await ask('06:59', undefined, undefined, OF_IDENTITY)).toMatchObject({ code: 'VALID' });
    expect(await ask('07:00', undefined, undefined, OF_IDENTITY)).toMatchObject({ status: 'active', code: 'DISABLED', valid: false });
    expect(await ask('02:30', undefined, undefined, OF_FOREIGN_IDENTITY)).toMatchObject({ code: 'DISABLED' });
    expect(await ask('02:30', undefined, undefined, OF_UNKNOWN_IDENTITY)).toMatchObject({ code: 'DISABLED' });
  });
});
