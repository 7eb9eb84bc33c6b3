import { editFormOf, editRequestOf } from './edit-key.request';
import { keyView as key } from './key-view.fixture';

describe('the edit key request (only what changed)', () => {
  it('asks nothing when nothing changed, even for a key whose expiry is past', () => {
    const expired = key({ expiresAt: '2020-01-01T00:00:00.000Z', status: 'expired', ratelimit: { limit: 10, windowSeconds: 3600 }, ipAllowlist: ['10.0.0.0/8'] });
    expect(editRequestOf(expired, editFormOf(expired))).toEqual({});
  });

  it('sends a trimmed new name', () => {
    expect(editRequestOf(key(), { ...editFormOf(key()), name: '  billing ' })).toEqual({ name: 'billing' });
  });

  it('sends a new expiry as an ISO instant, and null when it is cleared', () => {
    expect(editRequestOf(key(), { ...editFormOf(key()), expires: '2030-01-02T03:04' })).toEqual({ expiresAt: new Date('2030-01-02T03:04').toISOString() });
    const expiring = key({ expiresAt: '2030-01-01T00:00:00.000Z' });
    expect(editRequestOf(expiring, { ...editFormOf(expiring), expires: '' })).toEqual({ expiresAt: null });
  });

  it('sends a rate limit in seconds, null when turned off, nothing when the same window is shown in its largest unit', () => {
    const limited = key({ ratelimit: { limit: 100, windowSeconds: 3600 } });
    const form = editFormOf(limited);
    expect(form).toMatchObject({ limited: true, limit: '100', window: '1', unit: '3600' });
    expect(editRequestOf(limited, form)).toEqual({});
    expect(editRequestOf(limited, { ...form, window: '2' })).toEqual({ ratelimit: { limit: 100, windowSeconds: 7200 } });
    expect(editRequestOf(limited, { ...form, limited: false })).toEqual({ ratelimit: null });
    expect(editRequestOf(key(), { ...editFormOf(key()), limited: true, limit: '5', window: '90', unit: '1' })).toEqual({ ratelimit: { limit: 5, windowSeconds: 90 } });
    expect(editFormOf(key({ ratelimit: { limit: 1, windowSeconds: 90 } }))).toMatchObject({ window: '90', unit: '1' });
  });

  it('sends the allowlist one entry a line, blank lines dropped; an empty list lets any address in', () => {
    expect(editRequestOf(key(), { ...editFormOf(key()), ipAllowlist: '203.0.113.7\n\n 10.0.0.0/8 \n' })).toEqual({ ipAllowlist: ['203.0.113.7', '10.0.0.0/8'] });
    const listed = key({ ipAllowlist: ['203.0.113.7'] });
    expect(editRequestOf(listed, { ...editFormOf(listed), ipAllowlist: '' })).toEqual({ ipAllowlist: [] });
  });

  it('sends credits and metadata with the other changes', () => {
    const form = editFormOf(key());
    expect(editRequestOf(key(), { ...form, name: 'billing', fields: { ...form.fields, credits: { ...form.fields.credits, limited: true, remaining: '10' }, meta: '{"tier":1}' } })).toEqual({
      name: 'billing',
      credits: { remaining: 10 },
      meta: { tier: 1 },
    });
  });
});
