import { Subjects, type CreateKeyResult } from '@keyward/contracts';
import { newCredentialId, newKeyId, newRoleId } from '@keyward/domain';
import { createTestDatabase } from '@keyward/testing';
import { commandContext, operatorContext, startKeyCommand, type KeyCommandHarness } from '../testing/key-command.harness';

jest.setTimeout(30_000);

const K = Subjects.keyCommand;
const R = Subjects.roleCommand;
const W = Subjects.workspaceCommand;
const C = Subjects.credentialCommand;

const ALL_SUBJECTS = [...Object.values(K), ...Object.values(R), ...Object.values(W), ...Object.values(C)];

/** A payload each command would get past its own id checks with, so that what follows is what is tested. */
const wellFormed = (subject: string): Record<string, unknown> => ({
  keyId: newKeyId(),
  roleId: newRoleId(),
  credentialId: newCredentialId(),
  workspaceId: 'default',
  name: 'n',
  environment: 'live',
  expiresAt: null,
  permissions: {},
  roles: [],
  resource: 'workflows',
  resourceId: 'wf_1',
  access: 'read',
  gracePeriodSeconds: 0,
  ...(subject === R.create ? { permissions: ['calls:read'] } : {}),
});

/**
 * The bus is the only way in, so every message is untrusted input: a malformed one is answered
 * with VALIDATION_FAILED naming the field at fault, never with an internal error or silence,
 * and appends nothing.
 */
describe('malformed commands over NATS', () => {
  let h: KeyCommandHarness;

  beforeAll(async () => {
    h = await startKeyCommand(await createTestDatabase());
  });

  afterAll(async () => {
    await h?.close();
  });

  afterEach(async () => {
    expect(h.takeEscapedErrors()).toEqual([]);
    // Whatever a test sent, the service still answers a good command.
    const { result } = await h.ok<CreateKeyResult>(K.create, { context: commandContext(), name: 'still here', environment: 'live', expiresAt: null });
    expect(result.key).toMatch(/^kw_live_/);
  });

  describe.each(ALL_SUBJECTS)('%s', (subject) => {
    it.each([['a string', 'create key please'], ['a number', 42], ['null', null], ['a list', [{ context: commandContext() }]], ['true', true]])(
      'answers a payload that is %s with VALIDATION_FAILED on "command"',
      async (_what, payload) => {
        expect(await h.send(subject, payload)).toEqual({ ok: false, error: { code: 'VALIDATION_FAILED', message: 'command must be an object', field: 'command' } });
      },
    );

    it.each([
      ['a lone surrogate in a field', (p: Record<string, unknown>) => ({ ...p, name: 'a\ud800' })],
      ['a lone surrogate in the context', (p: Record<string, unknown>) => ({ ...p, context: { ...commandContext(), actor: 'key_\udc00' } })],
      ['NUL in a field name', (p: Record<string, unknown>) => ({ ...p, 'x\u0000': 1 })],
      ['a field named __proto__', (p: Record<string, unknown>) => JSON.parse(`{"__proto__":{"operator":true},${JSON.stringify(p).slice(1)}`) as Record<string, unknown>],
      ['nesting 2,000 levels deep', (p: Record<string, unknown>) => ({ ...p, extra: JSON.parse(`${'['.repeat(2_000)}${']'.repeat(2_000)}`) })],
    ])('answers a payload with %s with VALIDATION_FAILED on "command", appending nothing', async (_what, spoil) => {
      const before = (await h.all()).length;
      const payload = spoil({ ...wellFormed(subject), context: commandContext() });
      expect(await h.rejection(subject, payload)).toMatchObject({ code: 'VALIDATION_FAILED', field: 'command' });
      expect((await h.all()).length).toBe(before);
    });

    it('answers a payload without context with VALIDATION_FAILED on "context"', async () => {
      expect(await h.rejection(subject, wellFormed(subject))).toMatchObject({ code: 'VALIDATION_FAILED', field: 'context' });
    });

    it('answers an empty body with VALIDATION_FAILED on "command"', async () => {
      expect(await h.sendRaw(subject, new Uint8Array(0))).toEqual({ ok: false, error: { code: 'VALIDATION_FAILED', message: 'command must be an object', field: 'command' } });
    });
  });

  it.each([
    ['not an object', 'ctx', 'context'],
    ['a list', [], 'context'],
    ['without grants', { workspaceId: 'default', actor: 'a', correlationId: 'c', operator: false }, 'context.grants'],
    ['with grants as a string', { workspaceId: 'default', actor: 'a', correlationId: 'c', grants: '*:write', operator: false }, 'context.grants'],
    ['with a grant that is a number', { workspaceId: 'default', actor: 'a', correlationId: 'c', grants: ['*:write', 7], operator: false }, 'context.grants[1]'],
    ['without operator', { workspaceId: 'default', actor: 'a', correlationId: 'c', grants: [] }, 'context.operator'],
    ['with operator as a string', { workspaceId: 'default', actor: 'a', correlationId: 'c', grants: [], operator: 'true' }, 'context.operator'],
    ['with a numeric workspace', { workspaceId: 1, actor: 'a', correlationId: 'c', grants: [], operator: false }, 'context.workspaceId'],
    ['without actor', { workspaceId: 'default', correlationId: 'c', grants: [], operator: false }, 'context.actor'],
    ['with an overlong actor', { workspaceId: 'default', actor: 'a'.repeat(101), correlationId: 'c', grants: [], operator: false }, 'context.actor'],
    ['with a numeric correlation id', { workspaceId: 'default', actor: 'a', correlationId: 5, grants: [], operator: false }, 'context.correlationId'],
    ['with a numeric source ip', { workspaceId: 'default', actor: 'a', correlationId: 'c', grants: [], operator: false, sourceIp: 127001 }, 'context.sourceIp'],
  ])('answers a context %s with VALIDATION_FAILED on "%s"', async (_what, context, field) => {
    for (const subject of [K.create, K.setPermissions, R.create, W.create, W.update]) {
      expect({ subject, ...(await h.rejection(subject, { ...wellFormed(subject), context })) }).toMatchObject({ subject, code: 'VALIDATION_FAILED', field });
    }
  });

  it.each([
    ['name', { name: 42 }],
    ['name', { name: '   ' }],
    ['name', { name: 'x'.repeat(1_001) }],
    ['environment', { environment: 'production' }],
    ['expiresAt', { expiresAt: 1_700_000_000 }],
    ['expiresAt', { expiresAt: 'next tuesday' }],
    ['expiresAt', { expiresAt: '2001-01-01T00:00:00Z' }],
    ['permissions', { permissions: 'calls:read' }],
    ['permissions', { permissions: ['calls'] }],
    ['permissions.calls', { permissions: { calls: 'admin' } }],
    ['permissions.calls', { permissions: { calls: true } }],
    ['permissions.Calls', { permissions: { Calls: 'read' } }],
    ['roles', { roles: 'admin' }],
    ['roles[0]', { roles: [1] }],
    ['roles', { roles: [''] }],
    ['unrestricted', { unrestricted: 'yes' }],
    ['unrestricted', { unrestricted: true, permissions: { calls: 'read' } }],
    ['unrestricted', { unrestricted: true, roles: [] }],
    ['unrestricted', { unrestricted: null }],
    ['roles', { roles: null }],
    ['permissions', { permissions: null }],
  ])('answers a key to create with a bad %s with VALIDATION_FAILED', async (field, bad) => {
    const payload = { context: commandContext(), name: 'k', environment: 'live', expiresAt: null, ...bad };
    expect(await h.rejection(K.create, payload)).toMatchObject({ code: 'VALIDATION_FAILED', field });
  });

  it('answers edits of a key with bad fields with VALIDATION_FAILED naming them', async () => {
    const context = commandContext();
    const { result: key } = await h.ok<CreateKeyResult>(K.create, { context, name: 'k', environment: 'live', expiresAt: null, permissions: { calls: 'read' } });
    const cases: [string, Record<string, unknown>, string][] = [
      [K.setPermissions, {}, 'permissions'],
      [K.setPermissions, { permissions: { calls: 'root' } }, 'permissions.calls'],
      [K.setPermissions, { permissions: {}, unrestricted: 1 }, 'unrestricted'],
      [K.setRoles, {}, 'roles'],
      [K.setRoles, { roles: 'read-only' }, 'roles'],
      [K.setRoles, { roles: Array.from({ length: 101 }, (_, i) => `r${i}`) }, 'roles'],
      [K.share, { resource: 'workflows', resourceId: 'wf_1' }, 'access'],
      [K.share, { resource: 'workflows', resourceId: 'wf_1', access: 'owner' }, 'access'],
      [K.share, { resource: 'workflows', resourceId: 42, access: 'read' }, 'resourceId'],
      [K.share, { resource: 'workflows', resourceId: 'wf 1', access: 'read' }, 'resourceId'],
      [K.share, { resource: 'Workflows', resourceId: 'wf_1', access: 'read' }, 'resource'],
      [K.share, { resourceId: 'wf_1', access: 'read' }, 'resource'],
      [K.unshare, { resource: 'workflows' }, 'resourceId'],
      [K.rotate, {}, 'gracePeriodSeconds'],
      [K.rotate, { gracePeriodSeconds: '60' }, 'gracePeriodSeconds'],
      [K.rotate, { gracePeriodSeconds: -1 }, 'gracePeriodSeconds'],
      [K.rotate, { gracePeriodSeconds: 1.5 }, 'gracePeriodSeconds'],
    ];
    for (const [subject, bad, field] of cases) {
      expect({ subject, bad, ...(await h.rejection(subject, { context, keyId: key.id, ...bad })) }).toMatchObject({ subject, code: 'VALIDATION_FAILED', field });
    }
    expect((await h.stream(`key-${key.id}`)).length).toBe(1);
  });

  it('answers roles and workspaces with bad fields with VALIDATION_FAILED naming them', async () => {
    const context = commandContext();
    const operator = operatorContext();
    const cases: [string, Record<string, unknown>, string][] = [
      [R.create, { name: 'r' }, 'permissions'],
      [R.create, { name: 'r', permissions: 'calls:read' }, 'permissions'],
      [R.create, { name: 'r', permissions: ['calls:read', 'calls:own'] }, 'permissions[1]'],
      [R.create, { name: 'r', permissions: [{ resource: 'calls' }] }, 'permissions[0]'],
      [R.create, { name: 'r', permissions: ['spaceships:read'] }, 'permissions[0]'],
      [R.create, { permissions: ['calls:read'] }, 'name'],
      [R.create, { name: 'r', description: 5, permissions: ['calls:read'] }, 'description'],
      [W.create, { context: operator }, 'name'],
      [W.create, { context: operator, name: 'w', plan: 'platinum' }, 'plan'],
      [W.update, { workspaceId: 'default', settings: 'immutable' }, 'settings'],
      [W.update, { workspaceId: 'default', settings: { keyPermissionsImmutable: 'yes' } }, 'settings.keyPermissionsImmutable'],
      [W.update, { workspaceId: 'default', settings: { resourceCatalogue: 'calls' } }, 'settings.resourceCatalogue'],
      [W.update, { workspaceId: 'default', settings: { resourceCatalogue: [{ resource: 'calls', group: 'C' }] } }, 'settings.resourceCatalogue'],
      [W.update, { context: operator, workspaceId: 'default', plan: 'platinum' }, 'plan'],
    ];
    const before = (await h.all()).length;
    for (const [subject, bad, field] of cases) {
      expect({ subject, bad, ...(await h.rejection(subject, { context, ...bad })) }).toMatchObject({ subject, code: 'VALIDATION_FAILED', field });
    }
    expect((await h.all()).length).toBe(before);
  });

  it('appends nothing for any of the malformed commands', async () => {
    // Every event in this database is a key this file created on purpose.
    const events = await h.all();
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(['KeyCreated']));
  });

  it('answers a message that is not JSON at all, without an escaped error', async () => {
    const reply = await h.sendRaw(K.create, Buffer.from('{"context": '), 2_000);
    expect(reply).toEqual({ ok: false, error: { code: 'VALIDATION_FAILED', message: 'command must be an object', field: 'command' } });
    expect(h.takeEscapedErrors()).toEqual([]);
  });
});
