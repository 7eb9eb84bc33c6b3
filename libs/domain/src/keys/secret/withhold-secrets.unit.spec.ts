import { generateKeySecret } from './key-secret';
import { withholdSecrets } from './withhold-secrets';

describe('withholdSecrets', () => {
  it("nulls a create's key in place and says so, keeping every other field and their order", () => {
    const created = { id: 'key_1', key: generateKeySecret('live'), prefix: 'kw_live_abcd', name: 'n', roles: [], unrestricted: true };
    const kept = withholdSecrets(created);
    expect(kept).toEqual({ ...created, key: null, secretAlreadyShown: true });
    expect(Object.keys(kept as object)).toEqual([...Object.keys(created), 'secretAlreadyShown']);
  });

  it("nulls a new workspace's adminKey", () => {
    const workspace = { id: 'ws_1', name: 'Acme', plan: 'pro', adminKey: generateKeySecret('live'), adminKeyId: 'key_2' };
    expect(withholdSecrets(workspace)).toEqual({ ...workspace, adminKey: null, secretAlreadyShown: true });
  });

  it("nulls a webhook's signing secret, by its field and by its whsec_ form", () => {
    const webhook = { id: 'whk_1', url: 'https://hooks.example.com/', secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' };
    expect(withholdSecrets(webhook)).toEqual({ ...webhook, secret: null, secretAlreadyShown: true });
    expect(withholdSecrets({ note: 'whsec_abc' })).toEqual({ note: null, secretAlreadyShown: true });
  });

  it('nulls a key secret wherever it is, also in a field it was never expected in', () => {
    const secret = generateKeySecret('test');
    expect(withholdSecrets({ id: 'x', items: [{ note: secret }, 'plain'], nested: { deeper: [secret] } })).toEqual({
      id: 'x',
      items: [{ note: null }, 'plain'],
      nested: { deeper: [null] },
      secretAlreadyShown: true,
    });
  });

  it('leaves an answer without a secret as it is', () => {
    const view = { id: 'key_1', name: 'kw_live_ but not a key', prefix: 'kw_live_abcd', maskedKey: 'kw_live_abcd…wxyz', permissions: { calls: 'read' }, count: 3, ok: true, none: null };
    expect(withholdSecrets(view)).toEqual(view);
  });

  it('keeps a nested field called key that is no secret (only top-level key fields are secrets by name)', () => {
    expect(withholdSecrets({ meta: { key: 'customer-7' } })).toEqual({ meta: { key: 'customer-7' } });
  });

  it('keeps an empty answer empty', () => {
    expect(withholdSecrets(undefined)).toBeNull();
    expect(withholdSecrets(null)).toBeNull();
  });
});
