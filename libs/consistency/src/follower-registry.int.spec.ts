import { connect, type NatsConnection } from 'nats';
import type { Position } from '@keyward/event-store';
import { FollowerAnnouncer } from './follower-announcer';
import { FollowerRegistry } from './follower-registry';

const at = (n: number): Position => ({ commit: 1_000_000n, prepare: BigInt(n) });

/** Real NATS; the position space (commit 1,000,000) keeps other tests' followers out of the way. */
describe('FollowerRegistry over NATS', () => {
  let nats: NatsConnection;
  let registry: FollowerRegistry;
  const announcers: FollowerAnnouncer[] = [];

  const follower = (kind: 'verifier' | 'projector', heartbeatMs = 100): FollowerAnnouncer => {
    const a = new FollowerAnnouncer(nats, { followerId: `${kind}-${announcers.length}-${Date.now()}`, kind, heartbeatMs });
    a.start();
    announcers.push(a);
    return a;
  };

  beforeEach(async () => {
    if (!process.env.NATS_URL) throw new Error('NATS_URL is not set: run the tests with "npm test"');
    nats = await connect({ servers: process.env.NATS_URL });
  });

  afterEach(async () => {
    announcers.splice(0).forEach((a) => a.stop());
    registry?.stop();
    await nats.drain();
  });

  it('learns of running followers by roll call and waits until all of them applied the position', async () => {
    const [v1, v2, p] = [follower('verifier'), follower('verifier'), follower('projector')];
    for (const f of [v1, v2, p]) f.report(at(1), true);
    registry = new FollowerRegistry(nats);
    await registry.start(200);
    const waiting = registry.waitFor(at(5), { timeoutMs: 2_000, requiredKinds: ['projector'] });
    v1.report(at(5), true);
    p.report(at(6), true);
    await new Promise((r) => setTimeout(r, 100));
    v2.report(at(5), true);
    expect(await waiting).toEqual({ reached: true, lagging: [] });
  });

  it('gives up after the bound, naming who lags, and never waits for one still catching up', async () => {
    const [v1, v2, p] = [follower('verifier'), follower('verifier'), follower('projector')];
    v1.report(at(1), true);
    v2.report(at(1), false); // catching up: it answers UNAVAILABLE, nothing to wait for
    p.report(at(9), true);
    registry = new FollowerRegistry(nats);
    await registry.start(200);
    const outcome = await registry.waitFor(at(5), { timeoutMs: 300, requiredKinds: ['projector'] });
    expect(outcome.reached).toBe(false);
    expect(outcome.lagging).toEqual([expect.stringMatching(/^verifier-0-/)]);
  });

  it('stops waiting for a follower that says goodbye or falls silent', async () => {
    const [leaving, p] = [follower('verifier'), follower('projector')];
    // A follower on its own connection, which then drops without a goodbye (a crash).
    const doomed = await connect({ servers: process.env.NATS_URL });
    const silent = new FollowerAnnouncer(doomed, { followerId: `silent-${Date.now()}`, kind: 'verifier', heartbeatMs: 100 });
    silent.start();
    for (const f of [leaving, silent, p]) f.report(at(1), true);
    registry = new FollowerRegistry(nats);
    await registry.start(200);
    p.report(at(5), true);
    const waiting = registry.waitFor(at(5), { timeoutMs: 3_000, requiredKinds: ['projector'] });
    leaving.stop();
    await doomed.close();
    const started = Date.now();
    expect(await waiting).toEqual({ reached: true, lagging: [] });
    expect(Date.now() - started).toBeLessThan(1_000); // three missed 100 ms heartbeats
  });

  it('requires a live projector when asked to', async () => {
    follower('verifier').report(at(5), true);
    registry = new FollowerRegistry(nats);
    await registry.start(200);
    expect(await registry.waitFor(at(5), { timeoutMs: 200, requiredKinds: ['projector'] })).toEqual({ reached: false, lagging: ['(no live projector)'] });
  });
});
