import { keyStreamId, type KeyEvent } from '@keyward/contracts';
import type { DataSource } from 'typeorm';
import { READ_MODELS_PROJECTION } from '../read-models.projection';
import { KeyQueries } from './key-queries';
import { KeyStateQueries } from './key-state.queries';
import { projectUntilLive } from '../testing/read-model.fixtures';
import { rebuildDatabases } from '../testing/rebuild.fixture';

jest.setTimeout(30_000);

const metadata = (i: number) => ({ workspaceId: i % 2 ? 'default' : 'ws_other', actor: 'system', correlationId: `c${i}`, causationId: `c${i}`, occurredAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1 });

const KEYS = 60;
const keyIdOf = (i: number): string => `key_${String(i).padStart(24, '0')}`;

/** Every kind of key event, spread over the keys by residue so that each combination occurs. */
const history = (i: number): KeyEvent[] => {
  const keyId = keyIdOf(i);
  const created: KeyEvent = {
    type: 'KeyCreated',
    data: {
      keyId,
      workspaceId: i % 2 ? 'default' : 'ws_other',
      name: `key ${i}`,
      environment: i % 3 ? 'live' : 'test',
      secretHash: 'ab'.repeat(32),
      prefix: 'kw_live_abcd',
      lastFour: 'wxyz',
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
      expiresAt: i % 4 ? null : '2027-01-01T00:00:00.000Z',
      roles: i % 5 ? [] : ['read-only'],
      permissions: i % 5 ? {} : { calls: 'read' },
      unrestricted: i % 5 !== 0,
      ...(i % 4 === 1
        ? { credits: { remaining: i, refill: { interval: 'daily', amount: 100 } }, ratelimits: [{ name: 'tokens', limit: i + 1, windowSeconds: 60, autoApply: true }], meta: { plan: 'pro', i }, identityId: `idn_${i}` }
        : {}),
    },
  };
  const events: KeyEvent[] = [created];
  if (i % 2 === 0) {
    events.push({ type: 'KeyRotated', data: { keyId, secretHash: 'cd'.repeat(32), prefix: 'kw_live_efgh', lastFour: 'stuv', rotatedAt: '2026-02-01T00:00:00.000Z', previousKeyExpiresAt: '2026-02-02T00:00:00.000Z' } });
  }
  if (i % 7 === 1) {
    events.push(
      { type: 'KeyPermissionsChanged', data: { keyId, permissions: { calls: 'write', contacts: 'read', files: 'none' }, unrestricted: false } },
      { type: 'RoleAssigned', data: { keyId, roleId: 'role_b' } },
      { type: 'RoleAssigned', data: { keyId, roleId: 'admin' } },
      { type: 'RoleAssigned', data: { keyId, roleId: 'role_b' } },
    );
  }
  if (i % 7 === 2) events.push({ type: 'RoleAssigned', data: { keyId, roleId: 'role_a' } }, { type: 'RoleUnassigned', data: { keyId, roleId: 'role_a' } });
  if (i % 6 === 1) {
    events.push(
      { type: 'ResourceShared', data: { keyId, resource: 'workflows', resourceId: `wf_${i}`, access: 'read' } },
      { type: 'ResourceShared', data: { keyId, resource: 'pages', resourceId: 'p_1', access: 'read' } },
      { type: 'ResourceShared', data: { keyId, resource: 'workflows', resourceId: `wf_${i}`, access: 'write' } },
    );
  }
  if (i % 6 === 2) {
    events.push(
      { type: 'ResourceShared', data: { keyId, resource: 'files', resourceId: 'f_1', access: 'read' } },
      { type: 'ResourceUnshared', data: { keyId, resource: 'files', resourceId: 'f_1' } },
    );
  }
  if (i % 5 === 2) {
    events.push(
      { type: 'KeyCreditsChanged', data: { keyId, credits: { remaining: 7 }, generation: 1, changedAt: '2026-02-03T00:00:00.000Z' } },
      { type: 'KeyCreditsChanged', data: { keyId, credits: i % 10 === 2 ? null : { remaining: 8 }, generation: 2, changedAt: '2026-02-04T00:00:00.000Z' } },
      { type: 'KeyNamedRateLimitsChanged', data: { keyId, ratelimits: [{ name: 'ops', limit: 3, windowSeconds: 1, autoApply: false }] } },
      { type: 'KeyMetaChanged', data: { keyId, meta: { nested: { list: [1, 'two', null] } } } },
    );
  }
  if (i % 4 === 3) events.push({ type: 'KeyDisabled', data: { keyId, disabledAt: '2026-02-05T00:00:00.000Z' } });
  if (i % 8 === 7) events.push({ type: 'KeyEnabled', data: { keyId, enabledAt: '2026-02-06T00:00:00.000Z' } });
  if (i % 3 === 0) events.push({ type: 'KeyRevoked', data: { keyId, revokedAt: '2026-03-01T00:00:00.000Z' } });
  if (i % 10 === 0) events.push({ type: 'KeyDeleted', data: { keyId, deletedAt: '2026-04-01T00:00:00.000Z' } });
  return events;
};

interface KeyRowRecord {
  readonly id: string;
  readonly lifecycle: string;
  readonly restricted: boolean;
  readonly roles: string[];
  readonly permissions: Record<string, string>;
  readonly shares: unknown[];
}

const rowsOf = async (dataSource: DataSource): Promise<KeyRowRecord[]> => dataSource.query('SELECT * FROM keys ORDER BY id');

describe('key table projection', () => {
  const rebuild = rebuildDatabases(async (store) => {
    for (let i = 0; i < KEYS; i++) {
      const e = history(i);
      await store.appendToStream(keyStreamId(keyIdOf(i)), e.map((event) => ({ ...event, metadata: metadata(i) })), { expectedVersion: 'no_stream' });
    }
  });
  const { sources } = rebuild;

  it('rebuilding from an empty database gives identical rows, and the checkpoint covers them', async () => {
    const {
      sources: [first, second],
      positions: [p1, p2],
    } = await rebuild.projectTwice();
    const [a, b] = [await rowsOf(first), await rowsOf(second)];
    expect(a).toHaveLength(KEYS - KEYS / 10);
    expect(b).toEqual(a);
    expect(p2).toEqual(p1);
    const [checkpoint] = await second.query(`SELECT commit, prepare FROM projection_checkpoints WHERE projection = $1`, [READ_MODELS_PROJECTION]);
    expect({ commit: BigInt(checkpoint.commit), prepare: BigInt(checkpoint.prepare) }).toEqual(p1);
  });

  it('the rows say what the events said: deletions, revocations, roles, permissions and shares', async () => {
    const rows = await rowsOf(sources[1]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (let i = 0; i < KEYS; i += 10) expect(byId.has(keyIdOf(i))).toBe(false);
    expect(rows.filter((r) => r.lifecycle === 'revoked')).toHaveLength(20 - 2); // i % 3 == 0, less the deleted 0, 30
    expect(byId.get(keyIdOf(1))).toMatchObject({
      restricted: true,
      roles: ['role_b', 'admin'],
      permissions: { calls: 'write', contacts: 'read', files: 'none' },
      shares: [
        { resource: 'pages', resourceId: 'p_1', access: 'read' },
        { resource: 'workflows', resourceId: 'wf_1', access: 'write' },
      ],
    });
    expect(byId.get(keyIdOf(2))).toMatchObject({ restricted: false, roles: [], permissions: {}, shares: [] });
    expect(byId.get(keyIdOf(5))).toMatchObject({ restricted: true, roles: ['read-only'], permissions: { calls: 'read' }, shares: [] });
    expect(byId.get(keyIdOf(1))).toMatchObject({
      enabled: true,
      credits: { remaining: 1, refill: { interval: 'daily', amount: 100 } },
      credits_generation: 1,
      ratelimits: [{ name: 'tokens', limit: 2, windowSeconds: 60, autoApply: true }],
      meta: { plan: 'pro', i: 1 },
      identity_id: 'idn_1',
    });
    expect(byId.get(keyIdOf(12))).toMatchObject({ credits: null, credits_generation: 2, ratelimits: [{ name: 'ops', autoApply: false }], meta: { nested: { list: [1, 'two', null] } } });
    expect(byId.get(keyIdOf(7))).toMatchObject({ credits: { remaining: 8 }, credits_generation: 2, enabled: true, identity_id: null });
    expect(byId.get(keyIdOf(11))).toMatchObject({ enabled: false, credits: null, credits_generation: 0, ratelimits: [], meta: {} });
  });

  it('each key folded from its own stream is the key the table shows, and a deleted or foreign one is unknown', async () => {
    const dataSource = sources[1];
    const [table, folded] = [new KeyQueries(dataSource), new KeyStateQueries(rebuild.store, dataSource)];
    const now = new Date('2026-06-01T00:00:00.000Z');
    for (let i = 0; i < KEYS; i++) {
      const workspaceId = metadata(i).workspaceId;
      const fromTable = await table.get(workspaceId, keyIdOf(i), now);
      expect(await folded.get(workspaceId, keyIdOf(i), now)).toEqual(fromTable);
      expect(fromTable === undefined).toBe(i % 10 === 0);
      expect(await folded.get(i % 2 ? 'ws_other' : 'default', keyIdOf(i), now)).toBeUndefined();
    }
  });

  it('a restarted projector resumes from its checkpoint without applying anything twice', async () => {
    const dataSource = sources[1];
    const before = await rowsOf(dataSource);
    const keyId = `key_${'9'.repeat(24)}`;
    const created = history(1)[0];
    await rebuild.store.appendToStream(keyStreamId(keyId), [{ ...created, data: { ...created.data, keyId }, metadata: metadata(1) }], { expectedVersion: 'no_stream' });
    await projectUntilLive(rebuild.store, dataSource); // would fail on a duplicate insert if it replayed old events
    const after = await rowsOf(dataSource);
    expect(after).toHaveLength(before.length + 1);
  });
});
