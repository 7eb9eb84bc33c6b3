import { HealthChecks, overallStatus, reachable } from './health-checks';
import { httpStatusOf } from './health-status';

describe('overallStatus', () => {
  it.each([
    [['ok', 'ok'], 'ok'],
    [[], 'ok'],
    [['ok', 'catching-up'], 'catching-up'],
    [['catching-up', 'down'], 'degraded'],
    [['ok', 'stale'], 'degraded'],
  ] as const)('%j is %s', (states, status) => {
    expect(overallStatus(states)).toBe(status);
  });
});

describe('HealthChecks', () => {
  it('names every check, in the order they were registered, and is ok only when all are', async () => {
    const health = new HealthChecks();
    health.register('nats', () => 'ok');
    health.register('database', reachable(() => Promise.resolve()));
    expect(await health.report()).toEqual({ status: 'ok', checks: { nats: 'ok', database: 'ok' } });
  });

  it('takes a dependency that fails, throws or hangs for down, and says which', async () => {
    const health = new HealthChecks();
    health.register('nats', () => 'ok');
    health.register('database', reachable(() => Promise.reject(new Error('connection refused'))));
    health.register('eventStore', reachable(() => new Promise(() => undefined), 10));
    health.register('index', () => {
      throw new Error('broken probe');
    });
    const report = await health.report();
    expect(report).toEqual({ status: 'degraded', checks: { nats: 'ok', database: 'down', eventStore: 'down', index: 'down' } });
    expect(httpStatusOf(report)).toBe(503);
  });

  it('reports catching-up with 503 while a follower reads the history', async () => {
    const health = new HealthChecks();
    health.register('nats', () => 'ok');
    health.register('index', () => 'catching-up');
    const report = await health.report();
    expect(report.status).toBe('catching-up');
    expect(httpStatusOf(report)).toBe(503);
  });

  it('a probe that throws synchronously inside reachable is down too', async () => {
    const probe = reachable(() => {
      throw new Error('closed');
    });
    expect(await probe()).toBe('down');
  });
});
