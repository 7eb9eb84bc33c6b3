import { applyEvents, keyCreated } from '../testing/read-model.fixtures';
import { readModelQueries } from '../testing/read-model-queries.fixture';
import { KeyQueries } from './key-queries';

jest.setTimeout(30_000);

const NOW = new Date('2026-06-01T00:00:00.000Z');

describe('key table: name, expiry, rate limit and allowlist events', () => {
  const db = readModelQueries((dataSource) => new KeyQueries(dataSource));

  it('shows a key created before limits existed with none', async () => {
    const created = keyCreated(1);
    await applyEvents(db.dataSource, [created]);
    expect(await db.queries.get('default', created.data.keyId, NOW)).toMatchObject({ ratelimit: null, ipAllowlist: [] });
  });

  it('takes the limits a creation carries', async () => {
    const created = keyCreated(2, { ratelimit: { limit: 50, windowSeconds: 10 }, ipAllowlist: ['10.0.0.0/8'] });
    await applyEvents(db.dataSource, [created]);
    expect(await db.queries.get('default', created.data.keyId, NOW)).toMatchObject({ ratelimit: { limit: 50, windowSeconds: 10 }, ipAllowlist: ['10.0.0.0/8'] });
  });

  it('renames, sets and clears expiry, rate limit and allowlist; an expiry in the past shows the key expired', async () => {
    const created = keyCreated(3);
    const keyId = created.data.keyId;
    await applyEvents(db.dataSource, [
      created,
      { type: 'KeyRenamed', data: { keyId, name: 'billing' } },
      { type: 'KeyExpiryChanged', data: { keyId, expiresAt: '2026-05-01T00:00:00.000Z' } },
      { type: 'KeyRateLimitChanged', data: { keyId, ratelimit: { limit: 5, windowSeconds: 1 } } },
      { type: 'KeyIpAllowlistChanged', data: { keyId, ipAllowlist: ['2001:db8::/32', '192.0.2.1'] } },
    ]);
    expect(await db.queries.get('default', keyId, NOW)).toMatchObject({
      name: 'billing',
      expiresAt: '2026-05-01T00:00:00.000Z',
      status: 'expired',
      ratelimit: { limit: 5, windowSeconds: 1 },
      ipAllowlist: ['2001:db8::/32', '192.0.2.1'],
    });

    await applyEvents(db.dataSource, [
      { type: 'KeyExpiryChanged', data: { keyId, expiresAt: null } },
      { type: 'KeyRateLimitChanged', data: { keyId, ratelimit: null } },
      { type: 'KeyIpAllowlistChanged', data: { keyId, ipAllowlist: [] } },
    ]);
    expect(await db.queries.get('default', keyId, NOW)).toMatchObject({ name: 'billing', expiresAt: null, status: 'active', ratelimit: null, ipAllowlist: [] });
  });

  it('finds a renamed key by its new name', async () => {
    const created = keyCreated(4);
    await applyEvents(db.dataSource, [created, { type: 'KeyRenamed', data: { keyId: created.data.keyId, name: 'zebra crossing' } }]);
    const page = await db.queries.list('default', { search: 'zebra', limit: 10 }, NOW);
    expect(page.items.map((k) => k.id)).toEqual([created.data.keyId]);
  });
});
