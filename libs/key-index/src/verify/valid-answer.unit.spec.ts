import { askOf, indexOf, keyCreated, planChanged, restrictedKey, roleCreated, roleDeleted, shared, workspaceCreated } from '../testing/verifier-events';

/** A VALID answer says who the key is and everything it may do (product.md section 4, issue 3 item 7). */
describe('answerVerify: the VALID answer', () => {
  it('lists the workspace, the effective roles and the effective permissions', () => {
    const key = restrictedKey(['role_a', 'read-only'], { calls: 'write' }, 'ws_a');
    const index = indexOf(workspaceCreated('ws_a', 'enterprise'), roleCreated('role_a', ['contacts:write'], 'ws_a'), key.event);
    index.apply(shared(key.keyId, { resource: 'workflows', resourceId: 'wf_42', access: 'read' }));
    const answer = askOf(index)({ key: key.secret, require: 'contacts:write' });
    expect(answer).toEqual({
      valid: true,
      code: 'VALID',
      keyId: key.keyId,
      workspaceId: 'ws_a',
      name: 'k',
      environment: 'live',
      expiresAt: null,
      roles: ['role_a', 'read-only'],
      permissions: expect.any(Array),
    });
    expect([...(answer.permissions ?? [])].sort()).toEqual(['*:read', 'calls:write', 'contacts:write', 'workflows/wf_42:read']);
  });

  it('lists only roles that exist and the plan includes', () => {
    const key = restrictedKey(['role_a', 'role_gone', 'role_never', 'read-only']);
    const index = indexOf(roleCreated('role_a', ['calls:read']), roleCreated('role_gone', ['files:read']), key.event, roleDeleted('role_gone'));
    const ask = askOf(index);
    expect(ask({ key: key.secret })).toMatchObject({ roles: ['role_a', 'read-only'] });
    index.apply(planChanged('default', 'pro'));
    expect(ask({ key: key.secret })).toMatchObject({ code: 'VALID', roles: ['read-only'], permissions: ['*:read'] });
  });

  it('an unrestricted key answers with every permission', () => {
    const key = keyCreated({ unrestricted: true });
    expect(askOf(indexOf(key.event))({ key: key.secret, require: ['billing:write', 'files/f1:write'] })).toMatchObject({ code: 'VALID', roles: [], permissions: ['*:write'] });
  });
});
