import type { KeyStatus } from '@keyward/contracts';
import { keyStatusAt } from '@keyward/domain';
import { applyEvents, keyCreated, keyId, migratedReadModels } from '../testing/read-model.fixtures';
import { KeyQueries } from './key-queries';

jest.setTimeout(30_000);

const NOW = new Date('2026-06-01T00:00:00.000Z');
const MS = 1;
const STATUSES: readonly KeyStatus[] = ['active', 'expired', 'revoked'];

/** Each lifetime the status filter must sort out, with expiry at the instant that decides it. */
const LIFETIMES: readonly { readonly revoked: boolean; readonly expiresAtMs: number | null }[] = [
  { revoked: false, expiresAtMs: null },
  { revoked: false, expiresAtMs: NOW.getTime() - MS },
  { revoked: false, expiresAtMs: NOW.getTime() },
  { revoked: false, expiresAtMs: NOW.getTime() + MS },
  { revoked: true, expiresAtMs: null },
  { revoked: true, expiresAtMs: NOW.getTime() - MS },
  { revoked: true, expiresAtMs: NOW.getTime() + MS },
];

/**
 * The list's status filter is SQL; the status each key shows is the domain's `keyStatusAt`. The
 * two must agree on every key, at the very instant of expiry too, or a filtered list would show
 * a key whose own status says otherwise.
 */
describe('the key list filtered by status', () => {
  let db: Awaited<ReturnType<typeof migratedReadModels>>;
  let keys: KeyQueries;

  beforeAll(async () => {
    db = await migratedReadModels();
    keys = new KeyQueries(db.dataSource);
    await applyEvents(db.dataSource, [
      // Created before NOW, so every expiry above was in the future when the key was made.
      ...LIFETIMES.map((l, i) => keyCreated(i + 1, { workspaceId: 'ws_status', expiresAt: l.expiresAtMs === null ? null : new Date(l.expiresAtMs).toISOString() })),
      ...LIFETIMES.flatMap((l, i) => (l.revoked ? [{ type: 'KeyRevoked' as const, data: { keyId: keyId(i + 1), revokedAt: '2026-02-01T00:00:00.000Z' } }] : [])),
    ]);
  });

  afterAll(() => db.close());

  it.each(STATUSES)('lists as %s exactly the keys the domain gives that status', async (status: KeyStatus) => {
    const expected = LIFETIMES.flatMap((l, i) => (keyStatusAt(l, NOW) === status ? [keyId(i + 1)] : []));
    const listed = await keys.list('ws_status', { limit: 100, status }, NOW);
    expect(listed.items.map((k) => k.id).sort()).toEqual(expected.sort());
    expect(listed.items.every((k) => k.status === status)).toBe(true);
    expect(expected.length).toBeGreaterThan(0);
  });
});
