import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from './keyward-config';
import { tempDir } from './testing/temp-dir';

describe('loadConfig', () => {
  it('takes the environment first', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://db', NATS_URL: 'nats://n', KEYWARD_DATA_DIR: '/x', GATEWAY_PORT: '8080', EVENTSTORE_URL: 'esdb://e' });
    expect(config).toEqual({ databaseUrl: 'postgres://db', natsUrl: 'nats://n', dataDir: '/x', gatewayPort: 8080, eventStoreUrl: 'esdb://e', metricsPorts: {} });
  });

  it('falls back to the infra file written by infra-up, and to port 3000', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'infra.json'), JSON.stringify({ databaseUrl: 'postgres://a', natsUrl: 'nats://b' }));
    expect(loadConfig({ KEYWARD_DATA_DIR: dir })).toEqual({ databaseUrl: 'postgres://a', natsUrl: 'nats://b', dataDir: dir, gatewayPort: 3000, metricsPorts: {} });
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

  it('reads a metrics port per service, 0 meaning any free port, and leaves the others unset', () => {
    const base = { DATABASE_URL: 'x', NATS_URL: 'y' };
    const env = { ...base, KEYWARD_KEY_COMMAND_METRICS_PORT: '9470', KEYWARD_PROJECTOR_METRICS_PORT: '0', KEYWARD_VERIFIER_METRICS_PORT: '' };
    expect(loadConfig(env).metricsPorts).toEqual({ 'key-command': 9470, projector: 0 });
    expect(() => loadConfig({ ...base, KEYWARD_VERIFIER_METRICS_PORT: '-1' })).toThrow(/^KEYWARD_VERIFIER_METRICS_PORT must be a port number/);
    expect(() => loadConfig({ ...base, KEYWARD_PROJECTOR_METRICS_PORT: 'any' })).toThrow(/^KEYWARD_PROJECTOR_METRICS_PORT must be a port number/);
  });

  it('reads the restart count the supervisor gives a service, and none when nothing supervises it', () => {
    const base = { DATABASE_URL: 'x', NATS_URL: 'y' };
    expect(loadConfig({ ...base, KEYWARD_SUPERVISOR_RESTARTS: '3' }).supervisorRestarts).toBe(3);
    expect(loadConfig({ ...base, KEYWARD_SUPERVISOR_RESTARTS: '0' }).supervisorRestarts).toBe(0);
    expect(loadConfig(base)).not.toHaveProperty('supervisorRestarts');
    expect(() => loadConfig({ ...base, KEYWARD_SUPERVISOR_RESTARTS: '-1' })).toThrow(/KEYWARD_SUPERVISOR_RESTARTS/);
  });
});
