import { keyStreamId, Subjects, type CommandContext, type CreateKeyResult, type KeyAccessResult, type RotateKeyResult } from '@keyward/contracts';
import { hashKeySecret, newKeyId } from '@keyward/domain';
import { positionToToken } from '@keyward/event-store';
import { createTestDatabase } from '@keyward/testing';
import { commandContext, startKeyCommand, storedText, type KeyCommandHarness } from '../testing/key-command.harness';

jest.setTimeout(30_000);

const S = Subjects.keyCommand;

describe('key commands over NATS, on the real event store', () => {
  let h: KeyCommandHarness;
  const admin = commandContext();

  const createKey = async (context: CommandContext = admin, over: Record<string, unknown> = {}): Promise<CreateKeyResult> =>
    (await h.ok<CreateKeyResult>(S.create, { context, name: 'int key', environment: 'live', expiresAt: null, ...over })).result;

  const versionsOf = async (keyId: string): Promise<bigint[]> => (await h.stream(keyStreamId(keyId))).map((e) => e.streamVersion);
  const typesOf = async (keyId: string): Promise<string[]> => (await h.stream(keyStreamId(keyId))).map((e) => e.type);

  beforeAll(async () => {
    h = await startKeyCommand(await createTestDatabase());
  });

  afterAll(async () => {
    await h?.close();
  });

  describe('create', () => {
    it('stores KeyCreated with the context as metadata, returns the secret once, and announces the append', async () => {
      const context = commandContext({ sourceIp: '203.0.113.7', userAgent: 'int-test/1.0' });
      const announced: string[] = [];
      const sub = h.nats.subscribe(Subjects.eventsAppended, {
        callback: (_e, msg) => announced.push(String(msg.json<{ position?: unknown }>().position)),
      });
      await h.nats.flush();

      const { result, position } = await h.ok<CreateKeyResult>(S.create, {
        context,
        name: '  billing export  ',
        environment: 'test',
        expiresAt: '2999-01-01T00:00:00+02:00',
        permissions: { calls: 'read', messages: 'write' },
      });

      expect(result).toMatchObject({
        name: 'billing export',
        environment: 'test',
        expiresAt: '2998-12-31T22:00:00.000Z',
        roles: [],
        permissions: { calls: 'read', messages: 'write' },
        unrestricted: false,
      });
      expect(result.id).toMatch(/^key_[0-9A-Za-z]{24}$/);
      expect(result.key).toMatch(/^kw_test_[0-9A-Za-z]{38}$/);
      expect(result.prefix).toBe(result.key.slice(0, 12));

      const events = await h.stream(keyStreamId(result.id));
      expect(events).toHaveLength(1);
      const [created] = events;
      expect(created.type).toBe('KeyCreated');
      expect(created.streamVersion).toBe(0n);
      expect(created.data).toEqual({
        keyId: result.id,
        workspaceId: 'default',
        name: 'billing export',
        environment: 'test',
        secretHash: hashKeySecret(h.pepper, result.key),
        prefix: result.prefix,
        lastFour: result.key.slice(-4),
        createdAt: result.createdAt,
        expiresAt: '2998-12-31T22:00:00.000Z',
        roles: [],
        permissions: { calls: 'read', messages: 'write' },
        unrestricted: false,
      });
      expect(created.metadata).toEqual({
        workspaceId: 'default',
        actor: context.actor,
        correlationId: context.correlationId,
        causationId: context.correlationId,
        occurredAt: result.createdAt,
        sourceIp: '203.0.113.7',
        userAgent: 'int-test/1.0',
        schemaVersion: 1,
      });
      expect(position).toBe(positionToToken(created.position));

      // Only the hash and what an admin may see of it (prefix, last four) are kept.
      const stored = storedText(await h.all());
      expect(stored).not.toContain(result.key);
      expect(stored).not.toContain(result.key.slice(12, -4));

      for (let i = 0; i < 50 && !announced.includes(position); i++) await new Promise((r) => setTimeout(r, 20));
      sub.unsubscribe();
      expect(announced).toContain(position);
    });

    it('rotates to a new secret that is likewise stored only as its hash', async () => {
      const key = await createKey();
      const { result } = await h.ok<RotateKeyResult>(S.rotate, { context: admin, keyId: key.id, gracePeriodSeconds: 60 });
      expect(result.key).toMatch(/^kw_live_/);
      expect(result.key).not.toBe(key.key);
      const [, rotated] = await h.stream(keyStreamId(key.id));
      expect(rotated).toMatchObject({ type: 'KeyRotated', streamVersion: 1n, data: { keyId: key.id, secretHash: hashKeySecret(h.pepper, result.key), prefix: result.prefix } });
      const stored = storedText(await h.all());
      expect(stored).not.toContain(result.key);
      expect(stored).not.toContain(result.key.slice(12, -4));
    });
  });

  describe('no privilege escalation', () => {
    const limited = commandContext({ grants: ['api_keys:write', 'calls:read'] });

    it.each([
      ['a permission above its own', { permissions: { calls: 'write' } }],
      ['a wildcard it lacks', { permissions: { '*': 'read' } }],
      ['full access', { unrestricted: true }],
      ['no restriction at all (unrestricted by default)', {}],
      ['the admin role', { roles: ['admin'] }],
      ['the read-only role', { roles: ['read-only'] }],
    ])('refuses a key with %s and appends nothing', async (_what, access) => {
      const before = (await h.all()).length;
      const error = await h.rejection(S.create, { context: limited, name: 'escalation', environment: 'live', expiresAt: null, ...access });
      expect(error.code).toBe('FORBIDDEN');
      expect((await h.all()).length).toBe(before);
    });

    it.each([
      ['empty permissions', { permissions: {} }],
      ['an empty list of roles', { roles: [] }],
      ['every level none', { permissions: { calls: 'none', '*': 'none' } }],
    ])('fails closed: a key created over the bus with %s is restricted and holds nothing', async (_what, access) => {
      const key = await createKey(limited, access);
      expect(key).toMatchObject({ unrestricted: false, roles: [] });
    });

    it('lets the same caller create a key within its own permissions', async () => {
      const key = await createKey(limited, { permissions: { calls: 'read' } });
      expect(key).toMatchObject({ permissions: { calls: 'read' }, unrestricted: false, roles: [] });
    });

    it('refuses to raise an existing key beyond the caller, by permissions, roles, shares or rotation', async () => {
      const within = await createKey(limited, { permissions: { calls: 'read' } });
      const wider = await createKey(admin, { permissions: { calls: 'write' } });
      const before = (await h.all()).length;
      const refused = [
        await h.rejection(S.setPermissions, { context: limited, keyId: within.id, permissions: { calls: 'write' } }),
        await h.rejection(S.setPermissions, { context: limited, keyId: within.id, permissions: {}, unrestricted: true }),
        await h.rejection(S.setRoles, { context: limited, keyId: within.id, roles: ['admin'] }),
        await h.rejection(S.share, { context: limited, keyId: within.id, resource: 'messages', resourceId: 'm_1', access: 'read' }),
        // Rotating hands over the key's new secret, so the caller must hold all the key holds.
        await h.rejection(S.rotate, { context: limited, keyId: wider.id, gracePeriodSeconds: 0 }),
      ];
      expect(refused.map((e) => e.code)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
      expect((await h.all()).length).toBe(before);
    });
  });

  describe('access edits', () => {
    it('sets permissions (KeyPermissionsChanged) and appends nothing when nothing changes', async () => {
      const key = await createKey(admin, { roles: ['read-only'] });
      const { result } = await h.ok<KeyAccessResult>(S.setPermissions, { context: admin, keyId: key.id, permissions: { calls: 'write', messages: 'none' } });
      expect(result).toEqual({ id: key.id, roles: ['read-only'], permissions: { calls: 'write', messages: 'none' }, unrestricted: false, shares: [] });
      const events = await h.stream(keyStreamId(key.id));
      expect(events[1]).toMatchObject({
        type: 'KeyPermissionsChanged',
        data: { keyId: key.id, permissions: { calls: 'write', messages: 'none' }, unrestricted: false },
        metadata: { actor: admin.actor, workspaceId: 'default' },
      });

      await h.ok(S.setPermissions, { context: admin, keyId: key.id, permissions: { messages: 'none', calls: 'write' } });
      expect(await versionsOf(key.id)).toEqual([0n, 1n]);

      const { result: opened } = await h.ok<KeyAccessResult>(S.setPermissions, { context: admin, keyId: key.id, permissions: {}, unrestricted: true });
      expect(opened).toMatchObject({ permissions: {}, unrestricted: true });
      expect(await typesOf(key.id)).toEqual(['KeyCreated', 'KeyPermissionsChanged', 'KeyPermissionsChanged']);
    });

    it('refuses permissions outside the catalogue and unrestricted with permissions', async () => {
      const key = await createKey(admin, { permissions: { calls: 'read' } });
      expect(await h.rejection(S.setPermissions, { context: admin, keyId: key.id, permissions: { spaceships: 'read' } })).toMatchObject({
        code: 'VALIDATION_FAILED',
        field: 'permissions.spaceships',
      });
      expect(await h.rejection(S.setPermissions, { context: admin, keyId: key.id, permissions: { calls: 'read' }, unrestricted: true })).toMatchObject({
        code: 'VALIDATION_FAILED',
        field: 'unrestricted',
      });
      expect(await versionsOf(key.id)).toEqual([0n]);
    });

    it('shares and unshares an instance; unsharing one that is not shared is SHARE_NOT_FOUND', async () => {
      const key = await createKey(admin, { permissions: { calls: 'read' } });
      const { result: shared } = await h.ok<KeyAccessResult>(S.share, { context: admin, keyId: key.id, resource: 'workflows', resourceId: 'wf_42', access: 'read' });
      expect(shared.shares).toEqual([{ resource: 'workflows', resourceId: 'wf_42', access: 'read' }]);
      // Sharing it again with other access replaces the share.
      const { result: upgraded } = await h.ok<KeyAccessResult>(S.share, { context: admin, keyId: key.id, resource: 'workflows', resourceId: 'wf_42', access: 'write' });
      expect(upgraded.shares).toEqual([{ resource: 'workflows', resourceId: 'wf_42', access: 'write' }]);

      const { result: unshared } = await h.ok<KeyAccessResult>(S.unshare, { context: admin, keyId: key.id, resource: 'workflows', resourceId: 'wf_42' });
      expect(unshared.shares).toEqual([]);
      const events = await h.stream(keyStreamId(key.id));
      expect(events.map((e) => [e.type, e.data])).toEqual([
        ['KeyCreated', expect.anything()],
        ['ResourceShared', { keyId: key.id, resource: 'workflows', resourceId: 'wf_42', access: 'read' }],
        ['ResourceShared', { keyId: key.id, resource: 'workflows', resourceId: 'wf_42', access: 'write' }],
        ['ResourceUnshared', { keyId: key.id, resource: 'workflows', resourceId: 'wf_42' }],
      ]);

      const missing = await h.rejection(S.unshare, { context: admin, keyId: key.id, resource: 'workflows', resourceId: 'wf_42' });
      expect(missing.code).toBe('SHARE_NOT_FOUND');
      expect(await h.rejection(S.unshare, { context: admin, keyId: key.id, resource: 'workflows', resourceId: 'wf_43' })).toMatchObject({ code: 'SHARE_NOT_FOUND' });
      expect(await versionsOf(key.id)).toEqual([0n, 1n, 2n, 3n]);
    });
  });

  describe('revoke and delete', () => {
    const edits = (keyId: string): [string, unknown][] => [
      [S.setPermissions, { context: admin, keyId, permissions: { calls: 'read' } }],
      [S.setRoles, { context: admin, keyId, roles: ['read-only'] }],
      [S.share, { context: admin, keyId, resource: 'workflows', resourceId: 'wf_1', access: 'read' }],
      [S.unshare, { context: admin, keyId, resource: 'workflows', resourceId: 'wf_1' }],
      [S.rotate, { context: admin, keyId, gracePeriodSeconds: 0 }],
    ];

    it('revokes (KeyRevoked); access edits and a second revoke are then KEY_REVOKED', async () => {
      const key = await createKey();
      await h.ok(S.revoke, { context: admin, keyId: key.id });
      expect(await typesOf(key.id)).toEqual(['KeyCreated', 'KeyRevoked']);
      for (const [subject, payload] of edits(key.id)) expect(await h.rejection(subject, payload)).toMatchObject({ code: 'KEY_REVOKED' });
      expect(await h.rejection(S.revoke, { context: admin, keyId: key.id })).toMatchObject({ code: 'KEY_REVOKED' });
      expect(await versionsOf(key.id)).toEqual([0n, 1n]);
    });

    it('deletes (KeyDeleted); the key then answers like an unknown one to every command', async () => {
      const key = await createKey();
      await h.ok(S.setPermissions, { context: admin, keyId: key.id, permissions: { calls: 'read' } });
      const { result } = await h.ok<{ id: string; deletedAt: string }>(S.delete, { context: admin, keyId: key.id });
      expect(result.id).toBe(key.id);
      const events = await h.stream(keyStreamId(key.id));
      expect(events.at(-1)).toMatchObject({ type: 'KeyDeleted', streamVersion: 2n, data: { keyId: key.id, deletedAt: result.deletedAt } });

      for (const [subject, payload] of edits(key.id)) expect(await h.rejection(subject, payload)).toMatchObject({ code: 'KEY_NOT_FOUND' });
      expect(await h.rejection(S.revoke, { context: admin, keyId: key.id })).toMatchObject({ code: 'KEY_NOT_FOUND' });
      expect(await h.rejection(S.delete, { context: admin, keyId: key.id })).toMatchObject({ code: 'KEY_NOT_FOUND' });
      expect(await versionsOf(key.id)).toEqual([0n, 1n, 2n]);
    });

    it('answers KEY_NOT_FOUND for a key that never existed and for a malformed id, appending nothing', async () => {
      const before = (await h.all()).length;
      for (const keyId of [newKeyId(), 'key_short', 42, undefined]) {
        expect(await h.rejection(S.setPermissions, { context: admin, keyId, permissions: { calls: 'read' } })).toMatchObject({ code: 'KEY_NOT_FOUND' });
        expect(await h.rejection(S.revoke, { context: admin, keyId })).toMatchObject({ code: 'KEY_NOT_FOUND' });
        expect(await h.rejection(S.delete, { context: admin, keyId })).toMatchObject({ code: 'KEY_NOT_FOUND' });
      }
      expect((await h.all()).length).toBe(before);
    });
  });

  describe('concurrent edits of one key', () => {
    const resources = ['calls', 'messages', 'agents', 'tools', 'voices', 'contacts', 'files', 'pages'];

    /** Every edit either landed as exactly its own event, or was refused with a clean CONFLICT; versions have no gap. */
    const expectConsistent = async (keyId: string, before: number, requested: Record<string, string>[], replies: Awaited<ReturnType<KeyCommandHarness['send']>>[]) => {
      const stream = await h.stream(keyStreamId(keyId));
      expect(stream.map((e) => e.streamVersion)).toEqual(stream.map((_, i) => BigInt(i)));
      const events = stream.slice(before);
      const accepted = replies.flatMap((r, i) => (r.ok ? [requested[i]] : []));
      for (const r of replies) {
        if (!r.ok) expect(r.error).toEqual({ code: 'CONFLICT', message: expect.stringMatching(/another request/) });
      }
      expect(accepted.length).toBeGreaterThanOrEqual(1);
      const changes = events.filter((e) => e.type === 'KeyPermissionsChanged').map((e) => (e.data as { permissions: unknown }).permissions);
      expect(changes).toHaveLength(accepted.length);
      expect(new Set(changes.map((c) => JSON.stringify(c)))).toEqual(new Set(accepted.map((a) => JSON.stringify(a))));
      replies.forEach((r, i) => {
        if (r.ok) expect((r.result as KeyAccessResult).permissions).toEqual(requested[i]);
      });
      return { events, accepted };
    };

    it('two at once, repeatedly: both land in order or one is a clean CONFLICT', async () => {
      const key = await createKey(admin, { permissions: { calls: 'read' } });
      for (let round = 0; round < 10; round++) {
        const requested = [{ [resources[(2 * round) % 8]]: 'write' }, { [resources[(2 * round + 1) % 8]]: 'write' }];
        const before = (await versionsOf(key.id)).length;
        const replies = await Promise.all(requested.map((permissions) => h.send(S.setPermissions, { context: admin, keyId: key.id, permissions })));
        await expectConsistent(key.id, before, requested, replies);
      }
      // The key is still editable afterwards, and its state is the last event's.
      const { result } = await h.ok<KeyAccessResult>(S.setPermissions, { context: admin, keyId: key.id, permissions: { calls: 'read' } });
      expect(result.permissions).toEqual({ calls: 'read' });
    });

    it('eight at once: the stream stays gapless and each answer matches what was appended', async () => {
      const key = await createKey(admin, { permissions: { calls: 'read' } });
      const requested = resources.map((resource) => ({ [resource]: 'write' }));
      const replies = await Promise.all(requested.map((permissions) => h.send(S.setPermissions, { context: admin, keyId: key.id, permissions })));
      const { events } = await expectConsistent(key.id, 1, requested, replies);
      const last = events.at(-1);
      if (!last) throw new Error('no events');
      const lastOk = replies.find((r) => r.ok && r.position === positionToToken(last.position));
      expect(lastOk).toBeDefined();
    });
  });
});
