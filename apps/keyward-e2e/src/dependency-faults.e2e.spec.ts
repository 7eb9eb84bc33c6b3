import type { ChildProcess } from 'node:child_process';
import type { CreateKeyResult, KeyView } from '@keyward/contracts';
import { KeywardStack, type ApiResponse } from './support/keyward-stack';
import { OwnNats } from '@keyward/testing';
import { OwnPostgres } from './support/own-postgres';

jest.setTimeout(110_000);

/** Kept small for `npm test` on a shared machine; a heavier run: KEYWARD_FAULT_WRITERS=20 KEYWARD_FAULT_CYCLES=3. */
const bounded = (value: string | undefined, fallback: number, max: number): number => Math.min(max, Math.max(1, Number(value) || fallback));
const WRITERS = bounded(process.env.KEYWARD_FAULT_WRITERS, 4, 50);
const CYCLES = bounded(process.env.KEYWARD_FAULT_CYCLES, 2, 5);
const VERIFIERS = 2;
/** How long a dependency stays away in each cycle. */
const OUTAGE_MS = 2_000;
/** product.md section 13 and issue 6: writes succeed again this soon after the dependency is back. */
const RECOVERY_BOUND_MS = 5_000;
/** Every loop of the load stops by itself after this many rounds, whatever else happens. */
const MAX_ROUNDS = 5_000;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** What the load saw: every answer's status, and the writes and revokes that were acknowledged. */
class Tally {
  readonly statuses = new Map<number, number>();
  readonly verifyCodes = new Map<string, number>();
  /** Acknowledged creates (201): id → secret. */
  readonly created = new Map<string, string>();
  /** Acknowledged revokes (200). */
  readonly revoked = new Set<string>();
  /** Revokes answered otherwise (503): committed or not, the caller cannot know. */
  readonly revokeUnknown = new Set<string>();
  /** Revoked keys (revoke acknowledged before the verify was sent) that answered VALID. */
  readonly validAfterRevoke: string[] = [];

  count(status: number): void {
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
  }

  countVerify(code: string): void {
    this.verifyCodes.set(code, (this.verifyCodes.get(code) ?? 0) + 1);
  }
}

const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(Math.random() * items.length)];

describe('PostgreSQL and NATS faults under load (a server of the test\'s own for each)', () => {
  let postgres: OwnPostgres;
  let nats: OwnNats;
  let stack: KeywardStack;
  let services: ChildProcess[];

  beforeAll(async () => {
    [postgres, nats] = await Promise.all([OwnPostgres.start(), OwnNats.start()]);
    stack = await KeywardStack.start({ databaseUrl: postgres.url, natsUrl: nats.url });
    services = (['gateway', 'key-command', 'projector', 'verifier', 'webhook-sender'] as const).flatMap((s) => stack.running(s));
  }, 100_000);

  afterAll(async () => {
    await stack?.stop();
    await nats?.stop();
    await postgres?.destroy();
  });

  /** An API call that counts its answer; a gateway that does not answer at all counts as status 0. */
  const call = async <T>(tally: Tally, method: string, route: string, body?: unknown): Promise<ApiResponse<T> | undefined> => {
    const response = await stack.api<T>(method, route, body).catch(() => undefined);
    tally.count(response?.status ?? 0);
    return response;
  };

  /** Creates keys and revokes every other one; after a 503 it waits a little, as Retry-After asks. */
  const writer = async (tally: Tally, name: string, stopped: () => boolean): Promise<void> => {
    for (let round = 0; round < MAX_ROUNDS && !stopped(); round++) {
      const created = await call<CreateKeyResult>(tally, 'POST', '/v1/keys', { name: `${name} ${round}` });
      if (created?.status !== 201) {
        await sleep(100);
        continue;
      }
      tally.created.set(created.body.id, created.body.key);
      if (round % 2 === 1) continue;
      const revoked = await call(tally, 'POST', `/v1/keys/${created.body.id}/revoke`);
      (revoked?.status === 200 ? tally.revoked : tally.revokeUnknown).add(created.body.id);
    }
  };

  /** Verifies revoked and live keys over NATS; a revoked key must never be VALID. */
  const verifier = async (tally: Tally, stopped: () => boolean): Promise<void> => {
    for (let round = 0; round < MAX_ROUNDS && !stopped(); round++) {
      const revokedId = pick([...tally.revoked]);
      const keyId = round % 2 === 0 && revokedId ? revokedId : pick([...tally.created.keys()]);
      const secret = keyId && tally.created.get(keyId);
      if (!keyId || !secret) {
        await sleep(50);
        continue;
      }
      // Taken before the request: only a revoke acknowledged before the verify was sent counts.
      const wasRevoked = tally.revoked.has(keyId);
      const answer = await stack.verify(secret).catch(() => undefined);
      tally.countVerify(answer?.code ?? 'NO_ANSWER');
      if (wasRevoked && answer?.code === 'VALID') tally.validAfterRevoke.push(keyId);
      if (!answer || answer.code === 'UNAVAILABLE') await sleep(50);
    }
  };

  /** From the dependency's return until a new write is acknowledged (bounded: 10 s). */
  const recoveryMs = async (tally: Tally, backAt: number): Promise<number> => {
    for (let attempt = 0; attempt < 200 && Date.now() - backAt < 10_000; attempt++) {
      const created = await call<CreateKeyResult>(tally, 'POST', '/v1/keys', { name: 'recovery probe' });
      if (created?.status === 201) {
        tally.created.set(created.body.id, created.body.key);
        return Date.now() - backAt;
      }
      await sleep(50);
    }
    return Number.POSITIVE_INFINITY;
  };

  /** Runs the load while `fault` takes a dependency away and back `cycles` times; answers the recovery time of each cycle. */
  const underLoad = async (tally: Tally, cycles: number, fault: { stop(): Promise<void>; start(): Promise<void> }): Promise<number[]> => {
    let stopped = false;
    const load = [
      ...Array.from({ length: WRITERS }, (_, i) => writer(tally, `writer ${i}`, () => stopped)),
      ...Array.from({ length: VERIFIERS }, () => verifier(tally, () => stopped)),
    ];
    const recoveries: number[] = [];
    try {
      for (let cycle = 0; cycle < cycles; cycle++) {
        await sleep(1_000);
        await fault.stop();
        await sleep(OUTAGE_MS);
        await fault.start();
        recoveries.push(await recoveryMs(tally, Date.now()));
      }
      await sleep(1_000);
    } finally {
      stopped = true;
      await Promise.all(load);
    }
    return recoveries;
  };

  /** Once the dust settles: every acknowledged write is in the table and every verifier agrees with it. */
  const expectNothingLost = async (tally: Tally): Promise<void> => {
    // Answered without the pending header: every follower has applied everything written before it.
    const settled = await stack.api<CreateKeyResult>('POST', '/v1/keys', { name: 'after the faults' });
    expect(settled.status).toBe(201);
    expect(settled.headers.get('keyward-consistency')).toBeNull();
    const lost: string[] = [];
    const wrong: string[] = [];
    for (const [id, secret] of tally.created) {
      const row = await stack.api<KeyView>('GET', `/v1/keys/${id}`);
      if (row.status !== 200) {
        lost.push(id);
        continue;
      }
      const expected = tally.revoked.has(id) ? 'revoked' : tally.revokeUnknown.has(id) ? row.body.status : 'active';
      if (row.body.status !== expected) wrong.push(`${id}: ${row.body.status}, expected ${expected}`);
      // The verifier agrees with the table, whichever way an unanswered revoke went.
      const answer = await stack.verify(secret);
      if (answer.code !== (row.body.status === 'revoked' ? 'REVOKED' : 'VALID')) wrong.push(`${id}: verify ${answer.code} for a ${row.body.status} key`);
    }
    expect(lost).toEqual([]);
    expect(wrong).toEqual([]);
  };

  const expectAllServicesRunning = (): void => {
    expect(services.filter((child) => child.exitCode !== null || child.signalCode !== null).map((child) => child.spawnargs.join(' '))).toEqual([]);
  };

  const report = (fault: string, tally: Tally, recoveries: number[]): void => {
    const statuses = Object.fromEntries(tally.statuses);
    const verifies = Object.fromEntries(tally.verifyCodes);
    console.log(
      `${fault}: writes succeeded again ${recoveries.map((ms) => `${ms} ms`).join(', ')} after the server was back; ` +
        `${tally.created.size} creates and ${tally.revoked.size} revokes acknowledged; answers ${JSON.stringify(statuses)}; verifies ${JSON.stringify(verifies)}`,
    );
  };

  const expectFaultHandled = async (fault: string, tally: Tally, recoveries: number[]): Promise<void> => {
    report(fault, tally, recoveries);
    expectAllServicesRunning();
    // A dependency going away is expected: one warning line each time, never a stack trace.
    expect(stack.logs).not.toMatch(/^\s+at /m);
    // 2xx or 503 with Retry-After, never a 500 nor a gateway that stopped answering.
    expect([...tally.statuses.keys()].filter((status) => ![200, 201, 503].includes(status))).toEqual([]);
    expect(tally.statuses.get(503) ?? 0).toBeGreaterThan(0);
    expect(tally.validAfterRevoke).toEqual([]);
    for (const ms of recoveries) expect(ms).toBeLessThanOrEqual(RECOVERY_BOUND_MS);
    await expectNothingLost(tally);
  };

  it('PostgreSQL stopped with -m immediate and started again, repeatedly: no service exits, no 500, writes resume within 5 s, nothing acknowledged is lost', async () => {
    const tally = new Tally();
    const recoveries = await underLoad(tally, CYCLES, { stop: () => postgres.stopImmediately(), start: () => postgres.startAgain() });
    await expectFaultHandled('PostgreSQL immediate stop', tally, recoveries);
  });

  it('NATS killed and started again, repeatedly: no service exits, no 500, writes resume within 5 s, nothing acknowledged is lost', async () => {
    const tally = new Tally();
    const recoveries = await underLoad(tally, CYCLES, { stop: () => nats.stop(), start: () => nats.startAgain() });
    await expectFaultHandled('NATS restart', tally, recoveries);
  });

  it('says when to retry on every 503', async () => {
    await postgres.stopImmediately();
    try {
      const answers = await Promise.all([stack.api('GET', '/v1/keys'), stack.api('POST', '/v1/keys', { name: 'while down' })]);
      expect(answers.map((a) => [a.status, a.body, a.headers.get('retry-after')])).toEqual([
        [503, expect.objectContaining({ statusCode: 503, code: 'UNAVAILABLE' }), expect.stringMatching(/^\d+$/)],
        [503, expect.objectContaining({ statusCode: 503, code: 'UNAVAILABLE' }), expect.stringMatching(/^\d+$/)],
      ]);
    } finally {
      await postgres.startAgain();
    }
    expect(await recoveryMs(new Tally(), Date.now())).toBeLessThanOrEqual(RECOVERY_BOUND_MS);
    expectAllServicesRunning();
  });
});
