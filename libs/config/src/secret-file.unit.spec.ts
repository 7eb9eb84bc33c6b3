import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readOrCreateSecretFile } from './secret-file';
import { tempDir } from './testing/temp-dir';

describe('readOrCreateSecretFile', () => {
  it('creates the file once, mode 0600, and leaves no temporary file behind', () => {
    const dir = tempDir();
    const file = path.join(dir, 'nested', 'secret');
    expect(readOrCreateSecretFile(file, () => 'first')).toEqual({ value: 'first', created: true });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readOrCreateSecretFile(file, () => 'second')).toEqual({ value: 'first', created: false });
    expect(readdirSync(path.dirname(file))).toEqual(['secret']);
  });

  it('never overwrites a secret that already exists', () => {
    const file = path.join(tempDir(), 'secret');
    writeFileSync(file, 'kept\n', { mode: 0o600 });
    expect(readOrCreateSecretFile(file, () => 'new')).toEqual({ value: 'kept', created: false });
    expect(readFileSync(file, 'utf8')).toBe('kept\n');
  });
});
