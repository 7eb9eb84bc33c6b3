import { keywardUnits } from './keyward-units';

describe('keywardUnits', () => {
  it('runs the command side and the followers before the gateway, each from its built main.js', () => {
    expect(keywardUnits('/repo')).toEqual([
      { name: 'key-command', script: '/repo/apps/key-command/dist/main.js' },
      { name: 'projector', script: '/repo/apps/projector/dist/main.js' },
      { name: 'verifier', script: '/repo/apps/verifier/dist/main.js' },
      { name: 'webhook-sender', script: '/repo/apps/webhook-sender/dist/main.js' },
      { name: 'gateway', script: '/repo/apps/gateway/dist/main.js' },
    ]);
  });

  it('names further verifiers verifier-2, verifier-3, so each has a log and a status of its own', () => {
    expect(keywardUnits('/repo', { verifiers: 3 }).map((u) => u.name)).toEqual(['key-command', 'projector', 'verifier', 'verifier-2', 'verifier-3', 'webhook-sender', 'gateway']);
  });
});
