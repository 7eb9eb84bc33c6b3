import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from './keyward-config';
import { loadPepper } from './pepper';
import { loadRootKey, rootKeyBanner } from './root-key';

const tempDir = (): string => mkdtempSync(path.join(os.tmpdir(), 'keyward-config-'));

describe('loadConfig', () => {
  it('takes the environment first', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://db', NATS_URL: 'nats://n', KEYWARD_DATA_DIR: '/x', GATEWAY_PORT: '8080' });
    expect(config).toEqual({ databaseUrl: 'postgres://db', natsUrl: 'nats://n', dataDir: '/x', gatewayPort: 8080 });
  });

  it('falls back to the infra file written by infra-up', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'infra.json'), JSON.stringify({ databaseUrl: 'postgres://a', natsUrl: 'nats://b' }));
    expect(loadConfig({ KEYWARD_DATA_DIR: dir })).toMatchObject({ databaseUrl: 'postgres://a', natsUrl: 'nats://b', gatewayPort: 3000 });
  });

  it('says what is missing', () => {
    expect(() => loadConfig({ KEYWARD_DATA_DIR: tempDir() })).toThrow(/DATABASE_URL is not set.*infra:up/);
    expect(() => loadConfig({ DATABASE_URL: 'x', NATS_URL: 'y', GATEWAY_PORT: 'eighty' })).toThrow(/GATEWAY_PORT/);
  });
});

describe('secrets in the data folder', () => {
  it('generates the pepper once, mode 0600, and reuses it', () => {
    const dataDir = tempDir();
    const first = loadPepper({ dataDir }, {});
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(path.join(dataDir, 'pepper')).mode & 0o777).toBe(0o600);
    expect(loadPepper({ dataDir }, {})).toEqual(first);
  });

  it('prefers KEYWARD_PEPPER and refuses a short one without echoing it', () => {
    const dataDir = tempDir();
    expect(loadPepper({ dataDir }, { KEYWARD_PEPPER: 'p'.repeat(32) })).toEqual(Buffer.from('p'.repeat(32)));
    expect(() => loadPepper({ dataDir }, { KEYWARD_PEPPER: 'tooshortsecret' })).toThrow(/at least 32/);
    expect(() => loadPepper({ dataDir }, { KEYWARD_PEPPER: 'tooshortsecret' })).not.toThrow(/tooshortsecret/);
  });

  it('generates the root key once, says so only the first time, and never in the kw_ key format', () => {
    const dataDir = tempDir();
    const first = loadRootKey({ dataDir }, {});
    expect(first.generated).toBe(true);
    expect(first.key).toMatch(/^kwroot_[A-Za-z0-9_-]{43}$/);
    expect(statSync(path.join(dataDir, 'root-key')).mode & 0o777).toBe(0o600);
    const again = loadRootKey({ dataDir }, {});
    expect(again).toEqual({ key: first.key, generated: false, path: first.path });
    expect(rootKeyBanner(first)).toContain(first.key);
  });

  it('prefers KEYWARD_ROOT_KEY and refuses a short one without echoing it', () => {
    const dataDir = tempDir();
    expect(loadRootKey({ dataDir }, { KEYWARD_ROOT_KEY: 'r'.repeat(40) })).toEqual({ key: 'r'.repeat(40), generated: false });
    expect(() => loadRootKey({ dataDir }, { KEYWARD_ROOT_KEY: 'shortroot' })).toThrow(/at least 32/);
    expect(() => loadRootKey({ dataDir }, { KEYWARD_ROOT_KEY: 'shortroot' })).not.toThrow(/shortroot/);
  });
});
