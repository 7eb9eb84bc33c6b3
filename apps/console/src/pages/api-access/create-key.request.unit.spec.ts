import { requestOf } from './create-key.request';

describe('the create key request (fail closed: unrestricted only when nothing was restricted)', () => {
  it('asks for an unrestricted key when neither roles nor "Restrict key" are chosen', () => {
    expect(requestOf('ci', '', 'live', [], false, { calls: 'read' })).toEqual({ name: 'ci', environment: 'live', expiresAt: undefined, unrestricted: true });
  });

  it('names only the roles when roles are chosen without restricting', () => {
    expect(requestOf('ci', '', 'test', ['read-only'], false, {})).toEqual({ name: 'ci', environment: 'test', expiresAt: undefined, roles: ['read-only'] });
  });

  it('sends every level and the roles when restricted, even all None', () => {
    expect(requestOf('ci', '', 'live', [], true, { calls: 'none', contacts: 'none' })).toEqual({ name: 'ci', environment: 'live', expiresAt: undefined, permissions: { calls: 'none', contacts: 'none' }, roles: [] });
  });

  it('sends credits and metadata when set', () => {
    const fields = { credits: { limited: true, remaining: '100', refill: 'daily', refillAmount: '5000' }, ratelimits: [], meta: '{"plan":"pro"}' };
    expect(requestOf('ci', '', 'live', [], false, {}, fields)).toEqual({
      name: 'ci',
      environment: 'live',
      expiresAt: undefined,
      credits: { remaining: 100, refill: { interval: 'daily', amount: 5000 } },
      meta: { plan: 'pro' },
      unrestricted: true,
    });
  });

  it('sends the expiry as an ISO instant', () => {
    expect(requestOf('ci', '2030-01-02T03:04', 'live', [], false, {}).expiresAt).toBe(new Date('2030-01-02T03:04').toISOString());
  });
});
