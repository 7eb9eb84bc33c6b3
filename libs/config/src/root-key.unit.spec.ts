import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { findRootKey, loadRootKey, rootKeyBanner } from './root-key';
import { tempDir } from './testing/temp-dir';

describe('loadRootKey', () => {
  it('generates the root key once, mode 0600, says so only the first time, never in the kw_ key format', () => {
    const dataDir = tempDir();
    const first = loadRootKey({ dataDir }, {});
    expect(first).toEqual({ key: expect.stringMatching(/^kwroot_[A-Za-z0-9_-]{43}$/), generated: true, path: path.join(dataDir, 'root-key') });
    expect(first.key).not.toMatch(/^kw_/);
    expect(statSync(path.join(dataDir, 'root-key')).mode & 0o777).toBe(0o600);
    expect(loadRootKey({ dataDir }, {})).toEqual({ ...first, generated: false });
  });

  it('prefers KEYWARD_ROOT_KEY', () => {
    expect(loadRootKey({ dataDir: tempDir() }, { KEYWARD_ROOT_KEY: 'r'.repeat(40) })).toEqual({ key: 'r'.repeat(40), generated: false });
  });

  it('refuses a short KEYWARD_ROOT_KEY without echoing it', () => {
    const load = (): unknown => loadRootKey({ dataDir: tempDir() }, { KEYWARD_ROOT_KEY: 'short-root-secret' });
    expect(load).toThrow(/KEYWARD_ROOT_KEY must be at least 32 characters/);
    expect(load).not.toThrow(/short-root-secret/);
  });
});

describe('findRootKey', () => {
  it("reads the services' root key and never creates one", () => {
    const dataDir = tempDir();
    expect(findRootKey({ dataDir }, {})).toBeUndefined();
    expect(existsSync(path.join(dataDir, 'root-key'))).toBe(false);
    const { key } = loadRootKey({ dataDir }, {});
    expect(findRootKey({ dataDir }, {})).toBe(key);
    expect(findRootKey({ dataDir }, { KEYWARD_ROOT_KEY: 'r'.repeat(40) })).toBe('r'.repeat(40));
  });
});

describe('rootKeyBanner', () => {
  it('shows the key once and says where it is stored', () => {
    const banner = rootKeyBanner({ key: 'kwroot_example', generated: true, path: '/data/root-key' });
    expect(banner).toContain('kwroot_example');
    expect(banner).toMatch(/shown once/);
    expect(banner).toContain('/data/root-key');
    expect(banner.split('\n').length).toBeGreaterThan(3);
  });
});
