import type { AuditEventPage, AuditEventView, CreateKeyResult, CreateWorkspaceResult, ErrorBody } from '@keyward/contracts';
import { KeywardStack } from './support/keyward-stack';

jest.setTimeout(120_000);

/** Concurrent writers (their commits land out of order) and each one's appends; the reader pages meanwhile. Every loop is bounded. */
const WRITERS = 3;
const WRITES_PER_WRITER = 10;
const WRITES = WRITERS * WRITES_PER_WRITER;
const MAX_READ_ROUNDS = 2_000;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** GET /v1/audit/events and GET /v1/keys/:id/history (product.md sections 7 and 9.6), services as separate processes. */
/** Events without their chain link: the chain's follower may link an event between two reads of it. */
const unchained = (items: readonly AuditEventView[]): AuditEventView[] => items.map((e) => ({ ...e, hash: null }));

describe('auditors read the history', () => {
  let stack: KeywardStack;
  let other: CreateWorkspaceResult;

  const create = async (body: Record<string, unknown>, token: string = stack.rootKey): Promise<CreateKeyResult> => {
    const res = await stack.api<CreateKeyResult>('POST', '/v1/keys', body, token);
    if (res.status !== 201) throw new Error(`creating a key answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const events = async (query: string, token: string = stack.rootKey): Promise<AuditEventPage> => {
    const res = await stack.api<AuditEventPage>('GET', `/v1/audit/events?${query}`, undefined, token);
    if (res.status !== 200) throw new Error(`GET /v1/audit/events?${query} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  /** Every event visible now after `after`, page by page; the last position, to start later reads from. */
  const readToEnd = async (query: string, after?: string, token?: string): Promise<{ items: AuditEventView[]; last?: string }> => {
    const items: AuditEventView[] = [];
    let cursor = after;
    for (let round = 0; round < MAX_READ_ROUNDS; round++) {
      const page = await events(`${query}${cursor ? `&after=${cursor}` : ''}`, token);
      items.push(...page.items);
      cursor = page.items.at(-1)?.position ?? cursor;
      if (page.nextCursor === null) return { items, last: cursor };
    }
    throw new Error('the history did not end');
  };
  const keyStreams = (items: readonly AuditEventView[]): Set<string> => new Set(items.map((e) => e.streamId).filter((s) => s.startsWith('key-')));

  beforeAll(async () => {
    stack = await KeywardStack.start();
    const res = await stack.api<CreateWorkspaceResult>('POST', '/v1/workspaces', { name: 'audited tenant', plan: 'enterprise' });
    if (res.status !== 201) throw new Error(`creating a workspace answered ${res.status}`);
    other = res.body;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it("shows a key's events oldest first with who, when, from where and how, page by page, never its secret or secret hash", async () => {
    const agent = { 'user-agent': 'audit-e2e/1.0' };
    const key = (await stack.api<CreateKeyResult>('POST', '/v1/keys', { name: 'audited' }, stack.rootKey, agent)).body;
    expect((await stack.api('PATCH', `/v1/keys/${key.id}`, { name: 'audited, renamed' }, stack.rootKey, agent)).status).toBe(200);
    const rotated = await stack.api<{ key: string }>('POST', `/v1/keys/${key.id}/rotate`, {}, stack.rootKey, agent);
    expect(rotated.status).toBe(200);
    expect((await stack.api('POST', `/v1/keys/${key.id}/revoke`, {}, stack.rootKey, agent)).status).toBe(200);

    const whole = await stack.api<AuditEventPage>('GET', `/v1/keys/${key.id}/history`);
    expect(whole.status).toBe(200);
    expect(whole.body.items.map((e) => e.type)).toEqual(['KeyCreated', 'KeyRenamed', 'KeyRotated', 'KeyRevoked']);
    for (const event of whole.body.items) {
      expect(event).toMatchObject({ streamId: `key-${key.id}`, metadata: { actor: 'root', userAgent: 'audit-e2e/1.0', schemaVersion: expect.any(Number) } });
      expect(event.metadata.sourceIp).toEqual(expect.any(String));
      expect(event.data).not.toHaveProperty('secretHash');
    }
    const text = JSON.stringify(unchained(whole.body.items));
    for (const secret of [key.key, rotated.body.key]) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/[0-9a-f]{64}/); // no keyed hash of any kind (the chain's own links aside)

    const paged: AuditEventView[] = [];
    let cursor: string | null = null;
    for (let round = 0; round < 10; round++) {
      const res: { body: AuditEventPage } = await stack.api<AuditEventPage>('GET', `/v1/keys/${key.id}/history?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      paged.push(...res.body.items);
      cursor = res.body.nextCursor;
      if (cursor === null) break;
    }
    expect(unchained(paged)).toEqual(unchained(whole.body.items));

    const deleted = await stack.api('DELETE', `/v1/keys/${key.id}`);
    expect(deleted.status).toBe(204);
    expect((await stack.api<AuditEventPage>('GET', `/v1/keys/${key.id}/history`)).body.items.map((e) => e.type).at(-1)).toBe('KeyDeleted');
  });

  it("keeps each workspace to its own events: another's never appear, its keys' histories are unknown", async () => {
    const mine = await create({ name: 'in default' });
    const theirs = await create({ name: 'in the other tenant' }, other.adminKey);

    const seenByRoot = (await readToEnd('limit=1000')).items;
    const seenByOther = (await readToEnd('limit=1000', undefined, other.adminKey)).items;
    expect(keyStreams(seenByRoot)).toContain(`key-${mine.id}`);
    expect(keyStreams(seenByRoot)).not.toContain(`key-${theirs.id}`);
    expect(keyStreams(seenByOther)).toContain(`key-${theirs.id}`);
    expect(keyStreams(seenByOther)).not.toContain(`key-${mine.id}`);
    // Every key created that each one sees is of its own workspace (the other's admin key included).
    const createdIn = (items: readonly AuditEventView[]): Set<string> =>
      new Set(items.filter((e) => e.type === 'KeyCreated').map((e) => (e.data as { workspaceId: string }).workspaceId));
    expect(createdIn(seenByRoot)).toEqual(new Set(['default']));
    expect(createdIn(seenByOther)).toEqual(new Set([other.id]));

    expect((await events(`stream=key-${theirs.id}`)).items).toEqual([]);
    const foreign = await stack.api<ErrorBody>('GET', `/v1/keys/${theirs.id}/history`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('KEY_NOT_FOUND');
    expect((await stack.api<ErrorBody>('GET', `/v1/keys/${mine.id}/history`, undefined, other.adminKey)).status).toBe(404);
  });

  it('filters by stream, type, actor and time', async () => {
    const before = new Date(Date.now() - 1).toISOString();
    const key = await create({ name: 'filtered' });
    await stack.api('POST', `/v1/keys/${key.id}/revoke`, {});
    const stream = (await events(`stream=key-${key.id}`)).items;
    expect(stream.map((e) => e.type)).toEqual(['KeyCreated', 'KeyRevoked']);
    expect((await events(`stream=key-${key.id}&type=KeyRevoked`)).items.map((e) => e.position)).toEqual([stream[1].position]);
    expect((await events(`stream=key-${key.id}&actor=root`)).items).toHaveLength(2);
    expect((await events(`stream=key-${key.id}&actor=system`)).items).toEqual([]);
    expect((await events(`stream=key-${key.id}&from=${before}`)).items).toHaveLength(2);
    expect((await events(`stream=key-${key.id}&to=${before}`)).items).toEqual([]);
  });

  it.each([
    ['after=not-a-cursor', 'after'],
    ['after=99999999999999999999.1', 'after'],
    ['from=yesterday', 'from'],
    ['to=2026-13-01T00:00:00Z', 'to'],
    ['from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'to'],
    ['limit=0', 'limit'],
    ['limit=1001', 'limit'],
  ])('answers 400 with the field for %s', async (query, field) => {
    const res = await stack.api<ErrorBody>('GET', `/v1/audit/events?${query}`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field }] });
  });

  it('answers 400 for a history cursor it did not hand out', async () => {
    const key = await create({ name: 'cursor' });
    const res = await stack.api<ErrorBody>('GET', `/v1/keys/${key.id}/history?cursor=1.2.3`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'cursor' }] });
  });

  it('pages without gaps or repeats while writers append', async () => {
    const start = (await readToEnd('limit=1000')).last;
    const written: string[] = [];
    const writer = Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        for (let i = 0; i < WRITES_PER_WRITER; i++) written.push((await create({ name: `written ${w}.${i}` })).id);
      }),
    );
    let done = false;
    void writer.finally(() => (done = true));

    const seen: AuditEventView[] = [];
    let cursor = start;
    for (let round = 0; round < MAX_READ_ROUNDS; round++) {
      const finished = done;
      const page = await readToEnd('type=KeyCreated&limit=4', cursor);
      seen.push(...page.items);
      cursor = page.last;
      // Once the writer has finished, everything it wrote is committed: reading on until it shows ends the loop.
      if (finished && seen.length >= WRITES) break;
      await sleep(5);
    }
    await writer;
    const ids = seen.map((e) => (e.data as { keyId: string }).keyId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.toSorted()).toEqual(written.toSorted());
    // The pages, joined, are what one read of the same range answers afterwards.
    expect(unchained((await readToEnd('type=KeyCreated&limit=1000', start)).items)).toEqual(unchained(seen));
  });
});
