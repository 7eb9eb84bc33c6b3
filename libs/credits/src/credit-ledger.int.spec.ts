import { randomBytes } from 'node:crypto';
import { connect, type NatsConnection } from 'nats';
import { OwnNats, requireEnv } from '@keyward/testing';
import type { CreditsSetting } from './credit-basis';
import { readCreditBalance } from './credit-balance.reader';
import { jetStreamCreditCountStore } from './credit-count.store';
import { CreditLedger, type CreditSpend } from './credit-ledger';

const BUCKET = 'keyward-credits-test';
const T0 = Date.parse('2026-01-15T12:00:00Z');
const DAY = 86_400_000;
const credits = (remaining: number, generation = 1, refill?: CreditsSetting['refill']): CreditsSetting => ({
  remaining,
  generation,
  setAtMs: T0 - 60_000,
  ...(refill ? { refill } : {}),
});
const freshOwner = (): string => `key_${randomBytes(12).toString('hex')}`;
const granted = (answers: readonly CreditSpend[]): CreditSpend[] => answers.filter((a) => a.outcome === 'granted');
const remainingOf = (a: CreditSpend): number => (a.outcome === 'unavailable' ? Number.NaN : a.remaining);

/** Three replicas: three connections, three stores, three ledgers, one shared bucket, as three verifiers would. */
describe('CreditLedger over JetStream KV', () => {
  const connections: NatsConnection[] = [];
  let replicas: CreditLedger[];

  const ledger = async (url = requireEnv('NATS_URL'), budgetMs = 2_000): Promise<CreditLedger> => {
    const nats = await connect({ servers: url, maxReconnectAttempts: -1, reconnectTimeWait: 100 });
    connections.push(nats);
    return new CreditLedger(jetStreamCreditCountStore(nats, { bucket: BUCKET, timeoutMs: budgetMs }), { budgetMs, writeSettleMs: budgetMs, unreachableBackoffMs: 200 });
  };

  beforeEach(async () => {
    replicas = [await ledger(), await ledger(), await ledger()];
  });

  afterEach(async () => {
    await Promise.all(connections.splice(0).map((c) => c.close()));
  });

  /** Every call at once, spread over the replicas: `calls[i]` is the i-th call's setting and cost. */
  const demand = (owner: string, calls: readonly { setting: CreditsSetting; cost: number }[], now = T0): Promise<CreditSpend[]> =>
    Promise.all(calls.map(({ setting, cost }, i) => replicas[i % replicas.length].spend(owner, setting, cost, now)));
  const same = (n: number, setting: CreditsSetting, cost = 1): { setting: CreditsSetting; cost: number }[] => Array.from({ length: n }, () => ({ setting, cost }));

  it('grants exactly 100 of 300 concurrent cost-1 calls on 100 credits over three replicas, each with its own remaining', async () => {
    const owner = freshOwner();
    const answers = await demand(owner, same(300, credits(100)));
    expect(granted(answers)).toHaveLength(100);
    expect(answers.filter((a) => a.outcome === 'exceeded')).toHaveLength(200);
    // Each VALID answer spent one credit: remaining counts down 99 … 0 without repeats.
    expect(granted(answers).map(remainingOf).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    for (const a of answers.filter((x) => x.outcome === 'exceeded')) expect(a).toEqual({ outcome: 'exceeded', remaining: 0 });
  });

  it('spends costs of 5 exactly and answers checks (cost 0) without spending; a refused cost-5 call does not block a cost-1 call', async () => {
    const owner = freshOwner();
    const calls = Array.from({ length: 120 }, (_, i) => ({ setting: credits(103), cost: i % 2 === 0 ? 5 : 0 }));
    const answers = await demand(owner, calls);
    const fives = answers.filter((_, i) => i % 2 === 0);
    const checks = answers.filter((_, i) => i % 2 === 1);
    expect(granted(fives)).toHaveLength(20);
    for (const a of checks) expect(a.outcome === 'granted' ? a.remaining > 0 : a.outcome === 'exceeded' && a.remaining === 3).toBe(true);
    expect(await replicas[1].spend(owner, credits(103), 0, T0)).toEqual({ outcome: 'granted', remaining: 3 });
    expect(await replicas[2].spend(owner, credits(103), 5, T0)).toEqual({ outcome: 'exceeded', remaining: 3 });
    expect(await replicas[0].spend(owner, credits(103), 1, T0)).toEqual({ outcome: 'granted', remaining: 2 });
    await expect(readCreditBalance(jetStreamCreditCountStore(connections[0], { bucket: BUCKET, timeoutMs: 2_000 }), owner, credits(103), T0)).resolves.toEqual({ remaining: 2 });
  });

  it('counts a new generation afresh mid-way, and a replica whose index is behind it answers unavailable', async () => {
    const owner = freshOwner();
    expect(granted(await demand(owner, same(30, credits(50))))).toHaveLength(30);
    // Mid-way the balance is set anew (generation 2, 10 credits): replica 0 has applied it, 1 and 2 not yet.
    const [applied, behind] = await Promise.all([
      Promise.all(Array.from({ length: 40 }, () => replicas[0].spend(owner, credits(10, 2), 1, T0))),
      Promise.all(Array.from({ length: 80 }, (_, i) => replicas[1 + (i % 2)].spend(owner, credits(50, 1), 1, T0))),
    ]);
    expect(granted(applied)).toHaveLength(10);
    expect(applied.filter((a) => a.outcome === 'unavailable')).toEqual([]);
    // Generation 1 had 20 left, never more granted from it; a replica that reads generation 2's count with an index still on 1 must not answer.
    expect(granted(behind).length).toBeLessThanOrEqual(20);
    expect(await (await ledger()).spend(owner, credits(50, 1), 1, T0)).toEqual({ outcome: 'unavailable' });
    for (const r of replicas) expect(await r.spend(owner, credits(10, 2), 0, T0)).toEqual({ outcome: 'exceeded', remaining: 0 });
  });

  it('refills once per day whatever the replicas, from the clock each call passes', async () => {
    const owner = freshOwner();
    const daily = credits(5, 1, { interval: 'daily', amount: 20 });
    expect(granted(await demand(owner, same(30, daily)))).toHaveLength(5);
    const tomorrow = T0 + DAY;
    expect(granted(await demand(owner, same(60, daily), tomorrow))).toHaveLength(20);
    expect(granted(await demand(owner, same(30, daily), tomorrow + 3_600_000))).toHaveLength(0);
    // One replica's clock past the next midnight already: a replica that reads the count adopts its period, never refills it again;
    // one that knows its own period spent answers from it until its clock passes midnight too.
    const midnight = Date.parse('2026-01-17T00:00:00Z');
    expect(await replicas[0].spend(owner, daily, 15, midnight + 5)).toEqual({ outcome: 'granted', remaining: 5 });
    expect(await (await ledger()).spend(owner, daily, 5, midnight - 5)).toEqual({ outcome: 'granted', remaining: 0 });
    expect(replicas[1].spend(owner, daily, 1, midnight - 1)).toEqual({ outcome: 'exceeded', remaining: 0 });
    expect(await replicas[2].spend(owner, daily, 1, midnight + 1)).toEqual({ outcome: 'exceeded', remaining: 0 });
  });

  it('keeps the spent count across a restart (a new ledger on a new connection)', async () => {
    const owner = freshOwner();
    expect(granted(await demand(owner, same(30, credits(100))))).toHaveLength(30);
    const restarted = await ledger();
    expect(await restarted.spend(owner, credits(100), 0, T0)).toEqual({ outcome: 'granted', remaining: 70 });
    expect(await restarted.spend(owner, credits(100), 1, T0)).toEqual({ outcome: 'granted', remaining: 69 });
  });

  it('answers unavailable while NATS is down (credits fail closed), then recovers by itself with the count kept', async () => {
    const nats = await OwnNats.start({ jetStream: true });
    try {
      const replica = await ledger(nats.url, 500);
      const owner = freshOwner();
      expect(await replica.spend(owner, credits(10), 3, T0)).toEqual({ outcome: 'granted', remaining: 7 });
      await nats.stop();
      expect(await replica.spend(owner, credits(10), 1, T0)).toEqual({ outcome: 'unavailable' });
      expect(await replica.spend(owner, credits(10), 0, T0)).toEqual({ outcome: 'unavailable' });
      await nats.startAgain();
      let answer: CreditSpend = { outcome: 'unavailable' };
      for (const deadline = Date.now() + 20_000; answer.outcome === 'unavailable' && Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
        answer = await replica.spend(owner, credits(10), 1, T0);
      }
      expect(answer).toEqual({ outcome: 'granted', remaining: 6 });
    } finally {
      await Promise.all(connections.splice(3).map((c) => c.close()));
      await nats.destroy();
    }
  }, 40_000);
});
