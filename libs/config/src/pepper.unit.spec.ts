import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadPepper } from './pepper';
import { tempDir } from './testing/temp-dir';

describe('loadPepper', () => {
  it('generates the pepper once from 32 random bytes, mode 0600, and reuses it', () => {
    const dataDir = tempDir();
    const first = loadPepper({ dataDir }, {});
    const file = path.join(dataDir, 'pepper');
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url')).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadPepper({ dataDir }, {})).toEqual(first);
  });

  it('prefers KEYWARD_PEPPER and writes no file then', () => {
    const dataDir = tempDir();
    expect(loadPepper({ dataDir }, { KEYWARD_PEPPER: 'p'.repeat(32) })).toEqual(Buffer.from('p'.repeat(32)));
    expect(() => statSync(path.join(dataDir, 'pepper'))).toThrow();
  });

  it('refuses a short KEYWARD_PEPPER without echoing it', () => {
    const load = (): Buffer => loadPepper({ dataDir: tempDir() }, { KEYWARD_PEPPER: 'short-pepper-secret' });
    expect(load).toThrow(/KEYWARD_PEPPER must be at least 32 characters/);
    expect(load).not.toThrow(/short-pepper-secret/);
  });
});
