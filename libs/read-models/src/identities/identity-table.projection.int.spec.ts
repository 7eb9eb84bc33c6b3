import { identityStreamId, keyStreamId, type IdentityCreated, type IdentityEvent, type KeywardEvent } from '@keyward/contracts';
import { InvalidCursorError } from '../keys/key-page.cursor';
import { projectedHistory } from '../testing/projected-history.fixture';
import { keyCreated, keyId } from '../testing/read-model.fixtures';
import { IdentityQueries } from './identity.queries';
import { IdentityStateQueries } from './identity-state.queries';

jest.setTimeout(30_000);

const metadata = (workspaceId: string) => ({ workspaceId, actor: 'key_admin', correlationId: 'c', causationId: 'c', occurredAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1 });
const at = (second: number): string => new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString();
const idn = (name: string): string => `idn_${name.padEnd(24, '0')}`;

const created = (name: string, second: number, over: Partial<IdentityCreated['data']> = {}): IdentityCreated => ({
  type: 'IdentityCreated',
  data: { identityId: idn(name), workspaceId: 'ws_1', externalId: `ext_${name}`, meta: {}, ratelimits: [], createdAt: at(second), ...over },
});

const IDENTITIES: Record<string, IdentityEvent[]> = {
  edited: [
    created('edited', 1, { credits: { remaining: 10 } }),
    { type: 'IdentityChanged', data: { identityId: idn('edited'), workspaceId: 'ws_1', externalId: 'org_9', meta: { tier: 'gold' }, changedAt: at(10) } },
    { type: 'IdentityChanged', data: { identityId: idn('edited'), workspaceId: 'ws_1', ratelimits: [{ name: 'tokens', limit: 3, windowSeconds: 60, autoApply: false }], credits: { credits: { remaining: 50, refill: { interval: 'monthly', amount: 50 } }, generation: 2 }, changedAt: at(11) } },
  ],
  plain: [created('plain', 2)],
  third: [created('third', 3)],
  deleted: [created('deleted', 4), { type: 'IdentityDeleted', data: { identityId: idn('deleted'), workspaceId: 'ws_1', deletedAt: at(12) } }],
  foreign: [created('foreign', 5, { workspaceId: 'ws_2' })],
};

/** Three keys of `edited`: one revoked, one deleted; one key of `plain`. */
const KEYS: KeywardEvent[][] = [
  [keyCreated(1, { workspaceId: 'ws_1', identityId: idn('edited') })],
  [keyCreated(2, { workspaceId: 'ws_1', identityId: idn('edited') }), { type: 'KeyRevoked', data: { keyId: keyId(2), revokedAt: at(20) } }],
  [keyCreated(3, { workspaceId: 'ws_1', identityId: idn('edited') }), { type: 'KeyDeleted', data: { keyId: keyId(3), deletedAt: at(21) } }],
  [keyCreated(4, { workspaceId: 'ws_1', identityId: idn('plain') })],
  [keyCreated(5, { workspaceId: 'ws_1' })],
];

describe('the identity table', () => {
  const history = projectedHistory('identity_table', async (store) => {
    for (const events of Object.values(IDENTITIES)) {
      await store.appendToStream(identityStreamId(events[0].data.identityId), events.map((e) => ({ ...e, metadata: metadata(e.data.workspaceId) })), { expectedVersion: 'any' });
    }
    for (const events of KEYS) {
      const [first] = events;
      if (first.type !== 'KeyCreated') throw new Error('a key history starts with KeyCreated');
      await store.appendToStream(keyStreamId(first.data.keyId), events.map((e) => ({ ...e, metadata: metadata('ws_1') })), { expectedVersion: 'any' });
    }
  });

  it('shows each live identity as its own history folds it', async () => {
    const table = new IdentityQueries(history.dataSource);
    const state = new IdentityStateQueries(history.store);
    for (const name of ['edited', 'plain']) expect(await table.get('ws_1', idn(name))).toEqual(await state.get('ws_1', idn(name)));
    expect(await table.get('ws_1', idn('edited'))).toEqual({
      id: idn('edited'),
      workspaceId: 'ws_1',
      externalId: 'org_9',
      meta: { tier: 'gold' },
      ratelimits: [{ name: 'tokens', limit: 3, windowSeconds: 60, autoApply: false }],
      credits: { remaining: 50, refill: { interval: 'monthly', amount: 50 } },
      creditsGeneration: 2,
      creditsSetAt: at(11),
      createdAt: at(1),
      updatedAt: at(11),
    });
    expect(await table.get('ws_1', idn('plain'))).toMatchObject({ credits: null, creditsGeneration: 0, creditsSetAt: null });
  });

  it('answers a deleted, an unknown and another workspace’s identity alike: not there', async () => {
    const table = new IdentityQueries(history.dataSource);
    const state = new IdentityStateQueries(history.store);
    for (const [workspaceId, name] of [['ws_1', 'deleted'], ['ws_1', 'foreign'], ['ws_2', 'edited'], ['ws_1', 'never']]) {
      expect(await table.get(workspaceId, idn(name))).toBeUndefined();
      expect(await state.get(workspaceId, idn(name))).toBeUndefined();
    }
  });

  it('counts live keys only: not revoked, not deleted, not of another identity or workspace', async () => {
    const counts = await new IdentityQueries(history.dataSource).keyCounts('ws_1', [idn('edited'), idn('plain'), idn('third')]);
    expect(Object.fromEntries(counts)).toEqual({ [idn('edited')]: 1, [idn('plain')]: 1, [idn('third')]: 0 });
    expect(Object.fromEntries(await new IdentityQueries(history.dataSource).keyCounts('ws_2', [idn('edited')]))).toEqual({ [idn('edited')]: 0 });
  });

  it('pages a workspace’s identities newest first, and finds one by external id exactly', async () => {
    const table = new IdentityQueries(history.dataSource);
    const first = await table.page('ws_1', { limit: 2 });
    expect(first.items.map((i) => i.id)).toEqual([idn('third'), idn('plain')]);
    expect(first.nextCursor).not.toBeNull();
    const second = await table.page('ws_1', { limit: 2, cursor: first.nextCursor ?? undefined });
    expect(second).toEqual({ items: [expect.objectContaining({ id: idn('edited') })], nextCursor: null });
    expect((await table.page('ws_1', { limit: 10, externalId: 'org_9' })).items.map((i) => i.id)).toEqual([idn('edited')]);
    expect((await table.page('ws_1', { limit: 10, externalId: 'ext_edited' })).items).toEqual([]);
    expect((await table.page('ws_2', { limit: 10 })).items.map((i) => i.id)).toEqual([idn('foreign')]);
    await expect(table.page('ws_1', { limit: 2, cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(InvalidCursorError);
  });
});
