import { askOf, indexOf, keyCreated, keyDeleted, planChanged, recorded, workspaceCreated } from '../testing/verifier-events';

const LATER = Date.parse('2026-11-23T11:00:00.000Z');

/**
 * Which denial wins when several apply: REVOKED, then EXPIRED, then PLAN_UPGRADE_REQUIRED, then
 * INSUFFICIENT_PERMISSIONS (product.md sections 4 and 7), so a plan never hides a dead key.
 */
describe('answerVerify: the order of denials', () => {
  /** A key of a free workspace, expiring at LATER, lacking calls:write. */
  const setup = () => {
    const key = keyCreated({ unrestricted: false, roles: ['read-only'], workspaceId: 'ws_free', expiresAt: new Date(LATER).toISOString() });
    const index = indexOf(workspaceCreated('ws_free', 'free'), key.event);
    return { key, index, ask: askOf(index) };
  };

  it('PLAN_UPGRADE_REQUIRED comes before any permission check, with the key id only', () => {
    const { key, ask } = setup();
    expect(ask({ key: key.secret, require: 'calls:write' })).toEqual({ valid: false, code: 'PLAN_UPGRADE_REQUIRED', keyId: key.keyId });
    expect(ask({ key: key.secret }).code).toBe('PLAN_UPGRADE_REQUIRED');
  });

  it('EXPIRED and REVOKED come before PLAN_UPGRADE_REQUIRED', () => {
    const { key, index, ask } = setup();
    expect(ask({ key: key.secret }, LATER).code).toBe('EXPIRED');
    index.apply(recorded({ type: 'KeyRevoked', data: { keyId: key.keyId, revokedAt: '' } }));
    expect(ask({ key: key.secret }).code).toBe('REVOKED');
    expect(ask({ key: key.secret }, LATER).code).toBe('REVOKED');
  });

  it('a plan change holds on the next verify, both ways', () => {
    const { key, index, ask } = setup();
    index.apply(planChanged('ws_free', 'pro'));
    expect(ask({ key: key.secret, require: 'calls:read' }).code).toBe('VALID');
    expect(ask({ key: key.secret, require: 'calls:write' }).code).toBe('INSUFFICIENT_PERMISSIONS');
    index.apply(planChanged('ws_free', 'free'));
    expect(ask({ key: key.secret, require: 'calls:read' }).code).toBe('PLAN_UPGRADE_REQUIRED');
  });

  it('a deleted key answers REVOKED', () => {
    const { key, index, ask } = setup();
    index.apply(planChanged('ws_free', 'enterprise'));
    index.apply(keyDeleted(key.keyId));
    expect(ask({ key: key.secret })).toEqual({ valid: false, code: 'REVOKED', keyId: key.keyId });
  });
});
