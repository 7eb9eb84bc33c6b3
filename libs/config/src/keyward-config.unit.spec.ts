import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from './keyward-config';
import { tempDir } from './testing/temp-dir';

describe('loadConfig', () => {
  it('takes the environment first', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://db', NATS_URL: 'nats://n', KEYWARD_DATA_DIR: '/x', GATEWAY_PORT: '8080', EVENTSTORE_URL: 'esdb://e' });
    expect(config).toEqual({ databaseUrl: 'postgres://db', natsUrl: 'nats://n', dataDir: '/x', gatewayPort: 8080, eventStoreUrl: 'esdb://e' });
  });

  it('falls back to the infra file written by infra-up, and to port 3000', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'infra.json'), JSON.stringify({ databaseUrl: 'postgres://a', natsUrl: 'nats://b' }));
    expect(loadConfig({ KEYWARD_DATA_DIR: dir })).toEqual({ databaseUrl: 'postgres://a', natsUrl: 'nats://b', dataDir: dir, gatewayPort: 3000 });
    expect(loadConfig({ KEYWARD_DATA_DIR: dir, NATS_URL: 'nats://env' }).natsUrl).toBe('nats://env');
  });

  it('names everything that is missing and how to fix it', () => {
    const dir = tempDir();
    expect(() => loadConfig({ KEYWARD_DATA_DIR: dir })).toThrow(/^DATABASE_URL and NATS_URL are not set .*infra\.json.*npm run infra:up/);
    expect(() => loadConfig({ KEYWARD_DATA_DIR: dir, DATABASE_URL: 'postgres://db', NATS_URL: '' })).toThrow(/^NATS_URL is not set/);
  });

  it('refuses a gateway port that is not a port', () => {
    expect(() => loadConfig({ DATABASE_URL: 'x', NATS_URL: 'y', GATEWAY_PORT: 'eighty' })).toThrow(/GATEWAY_PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'x', NATS_URL: 'y', GATEWAY_PORT: '70000' })).toThrow(/GATEWAY_PORT/);
  });

  it('reads the metrics port, 0 meaning any free port, and leaves it unset otherwise', () => {
    const base = { DATABASE_URL: 'x', NATS_URL: 'y' };
    expect(loadConfig({ ...base, KEYWARD_METRICS_PORT: '9470' }).metricsPort).toBe(9470);
    expect(loadConfig({ ...base, KEYWARD_METRICS_PORT: '0' }).metricsPort).toBe(0);
    expect(loadConfig({ ...base, KEYWARD_METRICS_PORT: '' })).not.toHaveProperty('metricsPort');
    expect(() => loadConfig({ ...base, KEYWARD_METRICS_PORT: '-1' })).toThrow(/KEYWARD_METRICS_PORT/);
    expect(() => loadConfig({ ...base, KEYWARD_METRICS_PORT: 'any' })).toThrow(/KEYWARD_METRICS_PORT/);
  });
});
