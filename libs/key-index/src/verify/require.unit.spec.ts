import { askOf, indexOf, recorded, restrictedKey, roleChanged, roleCreated, shared } from '../testing/verifier-events';

/** `require` (product.md sections 4 and 9.2a): a permission query or a list of them, every one must hold, matched by the domain's evaluator. */
describe('answerVerify: require', () => {
  const setup = () => {
    const key = restrictedKey(['read-only'], { calls: 'write' });
    const index = indexOf(key.event);
    index.apply(shared(key.keyId, { resource: 'workflows', resourceId: 'wf_42', access: 'read' }));
    return { key, index, ask: askOf(index) };
  };

  it.each<[string | string[], string]>([
    ['contacts:read', 'VALID'], // read-only covers every read
    ['calls:write', 'VALID'],
    ['calls/123:write', 'VALID'], // a grant on a type covers each instance
    [['calls:write', 'contacts:read'], 'VALID'],
    [['calls:write', 'contacts:write'], 'INSUFFICIENT_PERMISSIONS'], // all must hold
    ['contacts:write', 'INSUFFICIENT_PERMISSIONS'],
    [[], 'VALID'],
    ['contacts:write OR calls:write', 'VALID'],
    ['(contacts:read OR contacts:write) AND calls:read', 'VALID'],
    ['(contacts:write OR billing:write) AND calls:read', 'INSUFFICIENT_PERMISSIONS'],
    ['contacts:write AND billing:write OR workflows/wf_42:read', 'VALID'], // AND binds tighter
  ])('require %j answers %s', (require, code) => {
    const { key, ask } = setup();
    expect(ask({ key: key.secret, require }).code).toBe(code);
  });

  it('a share satisfies its own instance only, never the resource type or a sibling', () => {
    const key = restrictedKey([], {});
    const index = indexOf(key.event, shared(key.keyId, { resource: 'calls', resourceId: '123', access: 'read' }));
    const ask = askOf(index);
    expect(ask({ key: key.secret, require: 'calls/123:read' }).code).toBe('VALID');
    expect(ask({ key: key.secret, require: 'calls:read' }).code).toBe('INSUFFICIENT_PERMISSIONS');
    expect(ask({ key: key.secret, require: 'calls/124:read' }).code).toBe('INSUFFICIENT_PERMISSIONS');
    expect(ask({ key: key.secret, require: 'calls/123:write' }).code).toBe('INSUFFICIENT_PERMISSIONS');
  });

  it('a denial for a missing permission still says who the key is and what it holds', () => {
    const { key, ask } = setup();
    expect(ask({ key: key.secret, require: ['calls:write', 'billing:write'] })).toMatchObject({
      valid: false,
      code: 'INSUFFICIENT_PERMISSIONS',
      keyId: key.keyId,
      workspaceId: 'default',
      roles: ['read-only'],
      permissions: ['*:read', 'calls:write', 'workflows/wf_42:read'],
    });
  });

  it('matches against the role as it is now: an edit holds on the very next verify', () => {
    const key = restrictedKey(['role_a']);
    const index = indexOf(roleCreated('role_a', ['calls:read']), key.event);
    const ask = askOf(index);
    expect(ask({ key: key.secret, require: 'calls:write' }).code).toBe('INSUFFICIENT_PERMISSIONS');
    index.apply(roleChanged('role_a', ['calls:write']));
    expect(ask({ key: key.secret, require: 'calls:write' }).code).toBe('VALID');
    index.apply(recorded({ type: 'RoleDeleted', data: { roleId: 'role_a', workspaceId: 'default', deletedAt: '' } }));
    expect(ask({ key: key.secret, require: 'calls:read' }).code).toBe('INSUFFICIENT_PERMISSIONS');
  });

  it.each<[string, unknown]>([
    ['not a permission', 'calls'],
    ['an unknown action', 'calls:delete'],
    ['an empty string', ''],
    ['a number', 7],
    ['null', null],
    ['an object', { calls: 'read' }],
    ['a list with one bad entry', ['calls:read', 'nope']],
    ['a nested list', [['calls:read']]],
    ['too many requirements', Array<string>(33).fill('calls:read')],
    ['a query with a dangling operator', 'calls:read AND'],
    ['a query with lower-case operators', 'calls:read or contacts:read'],
    ['a query with unbalanced parentheses', '(calls:read OR contacts:read'],
    ['a query nested too deep', `${'('.repeat(9)}calls:read${')'.repeat(9)}`],
    ['a query too long', `calls:read${' '.repeat(1_000)}`],
    ['a query of too many permissions', Array<string>(33).fill('calls:read').join(' OR ')],
    ['a list holding a query (a list is permissions only)', ['calls:write', 'contacts:write OR calls:write']],
  ])('answers MALFORMED, and nothing else, for a require that is %s', (_, require) => {
    const { key, ask } = setup();
    expect(ask({ key: key.secret, require })).toEqual({ valid: false, code: 'MALFORMED' });
  });
});
