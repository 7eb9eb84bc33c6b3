import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CliContext } from './cli-context';
import { ExitCodes } from './exit-codes';

const dataDir = (files: Record<string, string> = {}): string => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'keyward-cli-context-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
};

describe('CliContext', () => {
  it('finds the gateway from KEYWARD_URL, else GATEWAY_PORT on this host, keeping a path prefix', () => {
    expect(new CliContext(false, {}).gatewayUrl()).toBe('http://127.0.0.1:3000');
    expect(new CliContext(false, { GATEWAY_PORT: '4100' }).gatewayUrl()).toBe('http://127.0.0.1:4100');
    expect(new CliContext(false, { KEYWARD_URL: 'https://keys.example.com/keyward/', GATEWAY_PORT: '4100' }).gatewayUrl()).toBe('https://keys.example.com/keyward');
    for (const bad of ['keys.example.com', 'ftp://keys.example.com']) {
      expect(() => new CliContext(false, { KEYWARD_URL: bad }).gatewayUrl()).toThrow(expect.objectContaining({ exitCode: ExitCodes.usage }));
    }
  });

  it('finds NATS and PostgreSQL from the environment, else the data folder infra.json, else says what to set', () => {
    const dir = dataDir({ 'infra.json': JSON.stringify({ natsUrl: 'nats://127.0.0.1:4299', databaseUrl: 'postgres://db' }) });
    expect(new CliContext(false, { KEYWARD_DATA_DIR: dir }).natsUrl()).toBe('nats://127.0.0.1:4299');
    expect(new CliContext(false, { KEYWARD_DATA_DIR: dir }).databaseUrl()).toBe('postgres://db');
    expect(new CliContext(false, { KEYWARD_DATA_DIR: dir, NATS_URL: 'nats://elsewhere:4222' }).natsUrl()).toBe('nats://elsewhere:4222');
    expect(() => new CliContext(false, { KEYWARD_DATA_DIR: dataDir() }).natsUrl()).toThrow(/NATS_URL is not set/);
  });

  it('knows the output mode', () => {
    expect(new CliContext(true, {}).output.json).toBe(true);
    expect(new CliContext(false, {}).output.json).toBe(false);
  });
});
