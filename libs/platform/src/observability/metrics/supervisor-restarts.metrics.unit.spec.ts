import { Registry } from 'prom-client';
import { registerSupervisorRestarts } from './supervisor-restarts.metrics';

describe('registerSupervisorRestarts', () => {
  it('exposes the restart count the supervisor gave this run', async () => {
    const registry = new Registry();
    registerSupervisorRestarts(registry, 4);
    expect(await registry.metrics()).toMatch(/^keyward_supervisor_restarts 4$/m);
  });

  it('exposes nothing for a service that no supervisor started', async () => {
    const registry = new Registry();
    registerSupervisorRestarts(registry, undefined);
    expect(await registry.metrics()).not.toContain('keyward_supervisor_restarts');
  });
});
