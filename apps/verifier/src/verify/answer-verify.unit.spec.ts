import type { KeyCreatedData, VerifyAnswer } from '@keyward/contracts';
import { generateKeySecret, storedSecretOf } from '@keyward/domain';
import { KeyIndex } from '../key-index/key-index';
import { keyCreated, recorded, TEST_NOW as NOW, TEST_PEPPER as pepper } from '../testing/verifier-events';
import { answerVerify } from './answer-verify';

const setup = (over: Partial<KeyCreatedData> = {}) => {
  const index = new KeyIndex();
  const { secret, keyId, event } = keyCreated(over);
  index.apply(event);
  let serving = true;
  const ask = (request: unknown, now = NOW): VerifyAnswer =>
    answerVerify(Buffer.from(typeof request === 'string' ? request : JSON.stringify(request)), { index, pepper, serving: () => serving }, now);
  return { index, secret, keyId, ask, stopServing: () => (serving = false) };
};

describe('answerVerify', () => {
  it('answers VALID with who the key is and what it holds', () => {
    const { secret, keyId, ask } = setup();
    expect(ask({ key: secret })).toEqual({
      valid: true,
      code: 'VALID',
      keyId,
      workspaceId: 'default',
      name: 'k',
      environment: 'live',
      expiresAt: null,
      roles: [],
      permissions: ['*:write'],
    });
  });

  it.each([['not json', '{"key":'], ['an array', [1]], ['null', 'null'], ['no key', {}], ['a number key', { key: 7 }], ['a bad require', { key: 'x', require: 'calls:delete' }], ['too many requirements', { key: 'x', require: Array(33).fill('calls:read') }]])(
    'answers MALFORMED for %s',
    (_, request) => {
      const { ask } = setup();
      expect(ask(request)).toEqual({ valid: false, code: 'MALFORMED' });
    },
  );

  it('answers MALFORMED for a bad checksum before any lookup, NOT_FOUND for an unknown key', () => {
    const { secret, ask } = setup();
    expect(ask({ key: `${secret.slice(0, -1)}${secret.endsWith('0') ? '1' : '0'}` })).toEqual({ valid: false, code: 'MALFORMED' });
    expect(ask({ key: generateKeySecret('live') })).toEqual({ valid: false, code: 'NOT_FOUND' });
  });

  it('answers UNAVAILABLE when not serving, for well-formed keys', () => {
    const { secret, ask, stopServing } = setup();
    stopServing();
    expect(ask({ key: secret })).toEqual({ valid: false, code: 'UNAVAILABLE' });
  });

  it('answers EXPIRED past the expiry, REVOKED once revoked', () => {
    const { secret, keyId, ask, index } = setup({ expiresAt: '2026-11-23T11:00:00.000Z' });
    expect(ask({ key: secret }, Date.parse('2026-11-23T11:00:00.000Z'))).toEqual({ valid: false, code: 'EXPIRED', keyId });
    index.apply(recorded({ type: 'KeyRevoked', data: { keyId, revokedAt: '2026-11-23T10:00:00.000Z' } }));
    expect(ask({ key: secret })).toEqual({ valid: false, code: 'REVOKED', keyId });
  });

  it('keeps the old secret valid through the grace period only', () => {
    const { secret, keyId, ask, index } = setup();
    const next = generateKeySecret('live');
    index.apply(recorded({ type: 'KeyRotated', data: { keyId, ...storedSecretOf(pepper, next), rotatedAt: '2026-11-23T10:00:00.000Z', previousKeyExpiresAt: '2026-11-23T10:05:00.000Z' } }));
    expect(ask({ key: secret }).code).toBe('VALID');
    expect(ask({ key: next }).code).toBe('VALID');
    expect(ask({ key: secret }, Date.parse('2026-11-23T10:05:00.000Z')).code).toBe('EXPIRED');
    expect(ask({ key: next }, Date.parse('2026-11-23T10:05:00.000Z')).code).toBe('VALID');
  });

  it('checks every required permission', () => {
    const { secret, ask } = setup({ unrestricted: false, roles: ['read-only'], permissions: { calls: 'write' } });
    expect(ask({ key: secret, require: 'contacts:read' }).code).toBe('VALID');
    expect(ask({ key: secret, require: ['calls:write', 'contacts:read'] }).code).toBe('VALID');
    const denied = ask({ key: secret, require: ['calls:write', 'contacts:write'] });
    expect(denied).toMatchObject({ valid: false, code: 'INSUFFICIENT_PERMISSIONS', roles: ['read-only'], permissions: ['*:read', 'calls:write'] });
  });

  it('answers PLAN_UPGRADE_REQUIRED for a valid key of a workspace without API access, after REVOKED and EXPIRED', () => {
    const { index, secret, keyId, ask } = setup({ workspaceId: 'ws_free', expiresAt: '2026-11-23T11:00:00.000Z' });
    index.apply(recorded({ type: 'WorkspaceCreated', data: { workspaceId: 'ws_free', name: 'w', plan: 'free', settings: { keyPermissionsImmutable: false, resourceCatalogue: [] }, createdAt: '' } }));
    expect(ask({ key: secret, require: 'calls:read' })).toEqual({ valid: false, code: 'PLAN_UPGRADE_REQUIRED', keyId });
    expect(ask({ key: secret }, Date.parse('2026-11-23T11:00:00.000Z')).code).toBe('EXPIRED');
    index.apply(recorded({ type: 'WorkspacePlanChanged', data: { workspaceId: 'ws_free', plan: 'pro', changedAt: '' } }));
    expect(ask({ key: secret }).code).toBe('VALID');
    index.apply(recorded({ type: 'WorkspacePlanChanged', data: { workspaceId: 'ws_free', plan: 'free', changedAt: '' } }));
    index.apply(recorded({ type: 'KeyRevoked', data: { keyId, revokedAt: '' } }));
    expect(ask({ key: secret }).code).toBe('REVOKED');
  });
});
