import type { ChildProcess } from 'node:child_process';
import type { CreateKeyResult, CreateWorkspaceResult, KeyPage, KeyUsageReport, KeyView, WorkspaceUsageReport } from '@keyward/contracts';
import { generateKeySecret } from '@keyward/domain';
import { KeywardStack } from './support/keyward-stack';
import { OwnNats } from '@keyward/testing';
import { OwnPostgres } from './support/own-postgres';

jest.setTimeout(180_000);

const VERIFIERS = 2;
/** Concurrent callers of keyward.v1.verify; each loop stops after MAX_ROUNDS whatever happens. */
const CALLERS = 6;
const MAX_ROUNDS = 20_000;
/** How long the projector may take to apply what was flushed, after the load stops. */
const SETTLE_MS = 30_000;
/** product.md 9.1: a verifier killed with `kill -9` loses at most its last unflushed second. */
const LOST_WINDOW_MS = 1_000;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** What the callers were answered, by key and code, with when each answer came. */
class Answers {
  readonly byKey = new Map<string, Map<string, number>>();
  readonly times: number[] = [];
  uncounted = 0;

  note(keyId: string | undefined, code: string): void {
    if (keyId === undefined) {
      this.uncounted++;
      return;
    }
    const codes = this.byKey.get(keyId) ?? new Map<string, number>();
    codes.set(code, (codes.get(code) ?? 0) + 1);
    this.byKey.set(keyId, codes);
    this.times.push(Date.now());
  }

  total(): number {
    return this.times.length;
  }
}

/** Per code, as the usage report sums it over all its buckets. */
const countsOf = (report: KeyUsageReport): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const bucket of report.buckets) {
    if (bucket.valid > 0) counts.set('VALID', (counts.get('VALID') ?? 0) + bucket.valid);
    for (const [code, n] of Object.entries(bucket.denied)) counts.set(code, (counts.get(code) ?? 0) + (n ?? 0));
  }
  return counts;
};

describe('usage is exact across restarts (services as separate processes, a PostgreSQL and NATS of the test\'s own)', () => {
  let postgres: OwnPostgres;
  let nats: OwnNats;
  let stack: KeywardStack;
  const startedAt = new Date(Date.now() - 3_600_000);
  /** key id → what each verify case sends. */
  let cases: { keyId?: string; secret: string; require?: string }[];
  let keyIds: string[];

  beforeAll(async () => {
    [postgres, nats] = await Promise.all([OwnPostgres.start(), OwnNats.start({ jetStream: true })]);
    stack = await KeywardStack.start({ databaseUrl: postgres.url, natsUrl: nats.url, verifiers: VERIFIERS });
    const create = async (body: object): Promise<CreateKeyResult> => {
      const res = await stack.api<CreateKeyResult>('POST', '/v1/keys', body);
      if (res.status !== 201) throw new Error(`create answered ${res.status}`);
      return res.body;
    };
    const [open, restricted, revoked] = await Promise.all([
      create({ name: 'usage open' }),
      create({ name: 'usage restricted', permissions: { calls: 'read' } }),
      create({ name: 'usage revoked' }),
    ]);
    expect((await stack.api('POST', `/v1/keys/${revoked.id}/revoke`, {})).status).toBe(200);
    keyIds = [open.id, restricted.id, revoked.id];
    cases = [
      { keyId: open.id, secret: open.key },
      { keyId: restricted.id, secret: restricted.key, require: 'calls:read' },
      { keyId: restricted.id, secret: restricted.key, require: 'calls:write' },
      { keyId: revoked.id, secret: revoked.key },
      { secret: generateKeySecret('live') },
      { secret: 'kw_live_not-a-key' },
    ];
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    await nats?.destroy();
    await postgres?.destroy();
  });

  /** Verifies round after round until stopped; an answer that never came (a timeout) was not given and is not counted. */
  const load = (answers: Answers, stopped: () => boolean): Promise<void[]> =>
    Promise.all(
      Array.from({ length: CALLERS }, async (_, caller) => {
        for (let round = 0; round < MAX_ROUNDS && !stopped(); round++) {
          const c = cases[(round + caller) % cases.length];
          const answer = await stack.verify(c.secret, c.require).catch(() => undefined);
          if (!answer) {
            await sleep(20);
            continue;
          }
          if (answer.code === 'UNAVAILABLE') await sleep(20);
          answers.note(answer.keyId, answer.code);
          if (answer.keyId !== undefined && answer.keyId !== c.keyId) throw new Error(`answer for ${answer.keyId}, asked about ${c.keyId}`);
        }
      }),
    );

  /** Runs the load while `during` does its part; resolves with what was answered. */
  const underLoad = async (answers: Answers, during: () => Promise<void>): Promise<void> => {
    let stopped = false;
    const running = load(answers, () => stopped);
    try {
      await during();
    } finally {
      stopped = true;
      await running;
    }
  };

  const usageOf = async (keyId: string): Promise<Map<string, number>> => {
    const res = await stack.api<KeyUsageReport>('GET', `/v1/keys/${keyId}/usage?from=${startedAt.toISOString()}&to=${new Date(Date.now() + 3_600_000).toISOString()}`);
    expect(res.status).toBe(200);
    return countsOf(res.body);
  };

  /** Every key's counts by code, once two reads a second apart agree (bounded). */
  const settledUsage = async (expected?: Answers): Promise<Map<string, Map<string, number>>> => {
    let last = '';
    for (const deadline = Date.now() + SETTLE_MS; Date.now() < deadline; await sleep(1_000)) {
      const usage = new Map(await Promise.all(keyIds.map(async (id) => [id, await usageOf(id)] as const)));
      const text = JSON.stringify([...usage].map(([id, m]) => [id, [...m].sort()]));
      if (expected && text === JSON.stringify([...keyIds].map((id) => [id, [...(expected.byKey.get(id) ?? new Map<string, number>())].sort()]))) return usage;
      if (!expected && text === last) return usage;
      last = text;
    }
    const wanted = expected && JSON.stringify([...keyIds].map((id) => [id, [...(expected.byKey.get(id) ?? new Map<string, number>())].sort()]));
    throw new Error(`usage did not settle in ${SETTLE_MS} ms: ${last}${wanted ? `, answered ${wanted}` : ''}\n${stack.logs.split('\n').filter((l) => /"level":"(warn|error|fatal)"|Usage/.test(l)).slice(-30).join('\n')}`);
  };

  const expectExact = async (answers: Answers): Promise<void> => {
    const usage = await settledUsage(answers);
    for (const id of keyIds) expect(Object.fromEntries(usage.get(id) ?? [])).toEqual(Object.fromEntries(answers.byKey.get(id) ?? []));
    const listed = await stack.api<KeyPage>('GET', '/v1/keys?limit=100');
    for (const id of keyIds) {
      const row = listed.body.items.find((k) => k.id === id);
      expect(row?.usageCount).toBe(answers.byKey.get(id)?.get('VALID') ?? 0);
      const one = await stack.api<KeyView>('GET', `/v1/keys/${id}`);
      expect(one.body.usageCount).toBe(row?.usageCount);
      expect(one.body.lastUsedAt).toBe(row?.lastUsedAt);
    }
  };

  const answers = new Answers();

  it('counts every answer that names a key, by code, across restarts of the projector, NATS, PostgreSQL and a verifier', async () => {
    await underLoad(answers, async () => {
      await sleep(1_500);
      const [projector] = stack.running('projector');
      await stack.stopService(projector);
      await sleep(1_000);
      // Up before PostgreSQL goes: a projector that cannot reach it at start exits (a supervisor would restart it).
      await stack.waitUntilHealthy([stack.spawn('projector')]);
      await sleep(1_500);
      await postgres.stopImmediately();
      await sleep(1_500);
      await postgres.startAgain();
      await sleep(1_500);
      const [verifier] = stack.running('verifier');
      await stack.stopService(verifier);
      stack.spawn('verifier');
      await sleep(1_500);
    });
    // NATS away: the callers stop first, so no answer is lost in the outage on its way back (it would be counted, not received).
    await sleep(1_000);
    await nats.stop('SIGTERM');
    await sleep(1_500);
    await nats.startAgain();
    await stack.waitUntilReady(60_000);
    await underLoad(answers, () => sleep(2_000));
    expect(answers.total()).toBeGreaterThan(300);
    expect(answers.uncounted).toBeGreaterThan(0);
    expect([...(answers.byKey.get(keyIds[1]) ?? new Map<string, number>()).keys()].sort()).toEqual(['INSUFFICIENT_PERMISSIONS', 'VALID']);
    await expectExact(answers);
  });

  it('loses at most the last second of a verifier killed with kill -9, and counts nothing twice', async () => {
    const before = await settledUsage(answers);
    const more = new Answers();
    let killedAt = 0;
    await underLoad(more, async () => {
      await sleep(2_000);
      const [victim]: ChildProcess[] = stack.running('verifier');
      victim.kill('SIGKILL');
      killedAt = Date.now();
      await sleep(2_000);
    });
    const after = await settledUsage();
    let lost = 0;
    for (const id of keyIds) {
      for (const code of new Set([...(after.get(id)?.keys() ?? []), ...(more.byKey.get(id)?.keys() ?? [])])) {
        const counted = (after.get(id)?.get(code) ?? 0) - (before.get(id)?.get(code) ?? 0);
        const answered = more.byKey.get(id)?.get(code) ?? 0;
        expect(counted).toBeLessThanOrEqual(answered);
        lost += answered - counted;
      }
    }
    // An answer the victim sent just before it died may arrive a moment after.
    const inLastSecond = more.times.filter((t) => t > killedAt - LOST_WINDOW_MS && t <= killedAt + 100).length;
    expect(lost).toBeLessThanOrEqual(inLastSecond);
    stack.spawn('verifier');
  });

  it("marks keys expiring within seven days, and shows no key's usage to another workspace", async () => {
    const soon = await stack.api<CreateKeyResult>('POST', '/v1/keys', { name: 'expires soon', expiresAt: new Date(Date.now() + 3 * 86_400_000).toISOString() });
    const later = await stack.api<CreateKeyResult>('POST', '/v1/keys', { name: 'expires later', expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString() });
    expect((await stack.api<KeyView>('GET', `/v1/keys/${soon.body.id}`)).body).toMatchObject({ expiresSoon: true, stale: false, usageCount: 0, lastUsedAt: null });
    expect((await stack.api<KeyView>('GET', `/v1/keys/${later.body.id}`)).body).toMatchObject({ expiresSoon: false, stale: false });
    // Fresh keys are not stale: the filter finds none of them.
    const stale = await stack.api<KeyPage>('GET', '/v1/keys?stale=true');
    expect(stale.status).toBe(200);
    expect(stale.body.items.map((k) => k.id)).not.toEqual(expect.arrayContaining([soon.body.id]));

    const other = await stack.api<CreateWorkspaceResult>('POST', '/v1/workspaces', { name: 'usage elsewhere', plan: 'pro' });
    expect(other.status).toBe(201);
    expect((await stack.api('GET', `/v1/keys/${keyIds[0]}/usage`, undefined, other.body.adminKey)).status).toBe(404);
    // Their admin key's own calls to the gateway are verifies too, and count in their workspace.
    const theirs = await stack.api<WorkspaceUsageReport>('GET', '/v1/usage?granularity=day', undefined, other.body.adminKey);
    for (const id of keyIds) expect(theirs.body.topKeys.map((k) => k.keyId)).not.toContain(id);
    const ours = await stack.api<WorkspaceUsageReport>('GET', '/v1/usage?granularity=day');
    expect(ours.body.topKeys.map((k) => k.keyId)).toEqual(expect.arrayContaining(keyIds));
  });

  it.each([
    ['granularity=week', 'granularity'],
    ['from=yesterday', 'from'],
    [`from=${new Date().toISOString()}&to=${new Date(Date.now() - 1).toISOString()}`, 'from'],
    [`from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z&granularity=hour`, 'to'],
  ])('answers 400 in the section 7 format to %s', async (query, field) => {
    const res = await stack.api<{ code: string; details: { field: string }[] }>('GET', `/v1/keys/${keyIds[0]}/usage?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.map((d) => d.field)).toContain(field);
  });
});
