import { metricsPortVariable, OPS_SERVICES, type OpsService } from '@keyward/config';
import { keyStreamId, type CreateKeyResult, type KeyPage, type KeyView, type VerifyAnswer } from '@keyward/contracts';
import { isRunning, KEYWARD_SERVICES, stopSupervisor } from '@keyward/supervisor';
import { freePort } from '@keyward/testing';
import { eventTypesByStream } from './support/event-log';
import { KeywardStack, type ApiResponse } from './support/keyward-stack';
import { Scrape } from './support/ops-endpoints';

jest.setTimeout(80_000);

const WRITERS = 4;
const RECOVERY_BOUND_MS = 10_000;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** What the writers were told: the promises the stack must keep after every kill. */
interface Ledger {
  /** Creates answered 2xx: key id → secret. */
  readonly created: Map<string, string>;
  /** Revokes answered 2xx. */
  readonly revoked: Set<string>;
  /** Revokes sent but not acknowledged (the event may or may not have been written). */
  readonly revokeUnknown: Set<string>;
  /** Every HTTP status answered; 'network' while the gateway itself is down. */
  readonly statuses: Map<number | 'network', number>;
  /** When calls found no gateway to answer them. */
  readonly unreachableAt: number[];
  /** Keys whose revoke had returned 2xx and that a verifier then answered VALID. */
  readonly revokedButValid: string[];
  verifies: number;
}

const count = (ledger: Ledger, status: number | 'network'): void => void ledger.statuses.set(status, (ledger.statuses.get(status) ?? 0) + 1);

/** A REST call that records its status; undefined when the gateway could not be reached. */
const call = async <T>(ledger: Ledger, request: () => Promise<ApiResponse<T>>): Promise<ApiResponse<T> | undefined> => {
  try {
    const response = await request();
    count(ledger, response.status);
    return response;
  } catch {
    count(ledger, 'network');
    ledger.unreachableAt.push(Date.now());
    return undefined;
  }
};

const verifyCode = (stack: KeywardStack, key: string): Promise<VerifyAnswer['code'] | 'no answer'> =>
  stack.verify(key).then(
    (answer) => answer.code,
    () => 'no answer' as const,
  );

/** Creates keys and revokes every other one until `done`, as one client would. */
const writer = async (stack: KeywardStack, ledger: Ledger, id: number, done: () => boolean): Promise<void> => {
  for (let i = 0; !done() && i < 5_000; i++) {
    const created = await call(ledger, () => stack.api<CreateKeyResult>('POST', '/v1/keys', { name: `writer ${id} key ${i}` }));
    if (created?.status !== 201) {
      await sleep(50);
      continue;
    }
    ledger.created.set(created.body.id, created.body.key);
    if (i % 2 === 1) continue;
    const revoked = await call(ledger, () => stack.api('POST', `/v1/keys/${created.body.id}/revoke`));
    if (revoked?.status !== 200) {
      ledger.revokeUnknown.add(created.body.id);
      continue;
    }
    ledger.revoked.add(created.body.id);
    ledger.verifies += 1;
    if ((await verifyCode(stack, created.body.key)) === 'VALID') ledger.revokedButValid.push(created.body.id);
  }
};

/** Serving again: a create answers 201 with every follower caught up, the caller reads it back, a verifier says VALID. */
const serves = async (stack: KeywardStack, ledger: Ledger): Promise<boolean> => {
  const created = await call(ledger, () => stack.api<CreateKeyResult>('POST', '/v1/keys', { name: 'probe' }));
  if (created?.status !== 201) return false;
  ledger.created.set(created.body.id, created.body.key);
  if (created.headers.get('keyward-consistency') === 'pending') return false;
  const read = await call(ledger, () => stack.api('GET', `/v1/keys/${created.body.id}`));
  return read?.status === 200 && (await verifyCode(stack, created.body.key)) === 'VALID';
};

/** Every key of the workspace, page by page. */
const listAll = async (stack: KeywardStack): Promise<Map<string, KeyView>> => {
  const keys = new Map<string, KeyView>();
  let cursor: string | null = null;
  for (let page = 0; page < 1_000; page++) {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const response: ApiResponse<KeyPage> = await stack.api<KeyPage>('GET', `/v1/keys?limit=100${query}`);
    expect(response.status).toBe(200);
    for (const key of response.body.items) keys.set(key.id, key);
    cursor = response.body.nextCursor;
    if (!cursor) break;
  }
  return keys;
};

/** A scrape of `url`, waiting (bounded) for a service that has just started to open its port. */
const scrapeWhenUp = async (url: string): Promise<Scrape> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await Scrape.of(url);
    } catch (error) {
      if (attempt >= 50) throw error;
      await sleep(200);
    }
  }
};

/** The restart count each service reports in its metrics, by service; the gateway on its own port. */
const restartGauges = async (stack: KeywardStack, opsPorts: Readonly<Record<OpsService, number>>): Promise<Record<string, number | undefined>> => {
  const urls: [string, string][] = [...OPS_SERVICES.map((s): [string, string] => [s, `http://127.0.0.1:${opsPorts[s]}`]), ['gateway', stack.baseUrl]];
  const scrapes = await Promise.all(urls.map(async ([service, url]) => [service, await scrapeWhenUp(url)] as const));
  return Object.fromEntries(scrapes.map(([service, scrape]) => [service, scrape.has('keyward_supervisor_restarts') ? scrape.value('keyward_supervisor_restarts') : undefined]));
};

describe('supervision (npm start): kill -9 of each service under write load', () => {
  let stack: KeywardStack;
  const ledger: Ledger = { created: new Map(), revoked: new Set(), revokeUnknown: new Set(), statuses: new Map(), unreachableAt: [], revokedButValid: [], verifies: 0 };
  /** A metrics port chosen by the operator for each service, as `npm start` with the variables set. */
  const opsPorts = {} as Record<OpsService, number>;

  beforeAll(async () => {
    for (const service of OPS_SERVICES) opsPorts[service] = await freePort();
    const env = Object.fromEntries(OPS_SERVICES.map((service) => [metricsPortVariable(service), String(opsPorts[service])]));
    stack = await KeywardStack.start({ supervised: true, env });
  });

  it('serves each service\'s metrics on the port set for it, none restarted, and says so in the restarts gauge', async () => {
    expect(await restartGauges(stack, opsPorts)).toEqual({ 'key-command': 0, projector: 0, verifier: 0, 'webhook-sender': 0, gateway: 0 });
    const units = stack.supervisorStatus()?.units ?? {};
    expect(KEYWARD_SERVICES.map((s) => [s, units[s]?.state, units[s]?.restarts])).toEqual(KEYWARD_SERVICES.map((s) => [s, 'running', 0]));
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('each service is back and serving within 10 s, with no acknowledged write lost and no revoked key VALID', async () => {
    let done = false;
    const writers = Array.from({ length: WRITERS }, (_, id) => writer(stack, ledger, id, () => done));
    /** From the kill until serving again (serves()), and until the supervisor had a new process running. */
    const recoveries: Record<string, number> = {};
    const respawns: Record<string, number> = {};
    const gatewayOutage = { from: 0, to: 0 };
    try {
      await sleep(1_000);
      for (const service of KEYWARD_SERVICES) {
        const before = stack.supervisorStatus()?.units[service];
        expect(before).toMatchObject({ state: 'running', restarts: 0 });
        const killedAt = Date.now();
        process.kill(before?.pid as number, 'SIGKILL');
        let back = false;
        while (!back && Date.now() - killedAt < RECOVERY_BOUND_MS + 5_000) {
          const now = stack.supervisorStatus()?.units[service];
          const restarted = now?.pid != null && now.pid !== before?.pid;
          if (restarted) respawns[service] ??= Date.now() - killedAt;
          back = restarted && (await serves(stack, ledger));
          if (!back) await sleep(100);
        }
        recoveries[service] = Date.now() - killedAt;
        if (service === 'gateway') Object.assign(gatewayOutage, { from: killedAt, to: Date.now() });
        // Load between kills, so each outage starts with writes in flight.
        await sleep(1_000);
      }
    } finally {
      done = true;
      await Promise.all(writers);
    }
    const statuses = Object.fromEntries(ledger.statuses);
    console.log(
      `supervision: after kill -9 (ms), serving again ${JSON.stringify(recoveries)}, new process running ${JSON.stringify(respawns)}; ${ledger.created.size} creates and ${ledger.revoked.size} revokes acknowledged, ` +
        `${ledger.revokeUnknown.size} revokes unacknowledged, ${ledger.verifies} verifies after revoke; statuses ${JSON.stringify(statuses)}`,
    );
    expect(Object.values(recoveries).filter((ms) => ms > RECOVERY_BOUND_MS)).toEqual([]);
    // 503 while a service is down is allowed; no other failure, and never a 500.
    expect(Object.keys(statuses).filter((status) => !['200', '201', '503', 'network'].includes(status))).toEqual([]);
    expect(ledger.revokedButValid).toEqual([]);
    // Only the gateway's own outage leaves callers without an answer.
    expect(ledger.unreachableAt.filter((at) => at < gatewayOutage.from || at > gatewayOutage.to)).toEqual([]);

    // Each service restarted exactly once, after SIGKILL, 250 ms later, and no crash loop was reported.
    const units = stack.supervisorStatus()?.units ?? {};
    expect(KEYWARD_SERVICES.map((s) => [s, units[s]?.restarts, units[s]?.lastExit?.signal, units[s]?.crashLoop])).toEqual(KEYWARD_SERVICES.map((s) => [s, 1, 'SIGKILL', false]));
    for (const service of KEYWARD_SERVICES) expect(stack.logs).toMatch(new RegExp(`"msg":"${service} exited \\(signal SIGKILL\\) after \\d+ ms; restart 1 in 250 ms"`));
    expect(stack.logs).not.toContain('crash loop');

    // Nothing acknowledged was lost: in the table, in the history, and in the verifier.
    const listed = await listAll(stack);
    const history = await eventTypesByStream(stack.database.url);
    const lost = [...ledger.created.keys()].filter((id) => !listed.has(id) || history.get(keyStreamId(id))?.[0] !== 'KeyCreated');
    expect(lost).toEqual([]);
    const notRevoked = [...ledger.revoked].filter((id) => listed.get(id)?.status !== 'revoked' || !history.get(keyStreamId(id))?.includes('KeyRevoked'));
    expect(notRevoked).toEqual([]);
    const answers = await Promise.all([...ledger.created].map(async ([id, key]) => ({ id, code: await verifyCode(stack, key) })));
    const wrong = answers.filter(({ id, code }) => {
      if (ledger.revoked.has(id) || listed.get(id)?.status === 'revoked') return code !== 'REVOKED';
      return !ledger.revokeUnknown.has(id) && code !== 'VALID';
    });
    expect(wrong).toEqual([]);
  });

  it('each service restarted once reports it in its metrics, on the same port as before', async () => {
    expect(await restartGauges(stack, opsPorts)).toEqual({ 'key-command': 1, projector: 1, verifier: 1, 'webhook-sender': 1, gateway: 1 });
  });

  it('stopping as npm stop does ends the supervisor and every service, and restarts none', async () => {
    const status = stack.supervisorStatus();
    const pids = [status?.pid, ...Object.values(status?.units ?? {}).map((unit) => unit.pid)].filter((pid): pid is number => typeof pid === 'number');
    expect(pids).toHaveLength(1 + KEYWARD_SERVICES.length);
    expect(pids.filter(isRunning)).toEqual(pids);
    expect(await stopSupervisor(stack.dataDir)).toBe(true);
    expect(pids.filter(isRunning)).toEqual([]);
    const after = stack.supervisorStatus()?.units ?? {};
    expect(Object.values(after).map((unit) => [unit.state, unit.pid])).toEqual(KEYWARD_SERVICES.map(() => ['stopped', null]));
  });
});
