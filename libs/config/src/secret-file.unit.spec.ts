import fs, { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readOrCreateSecretFile, renameDurably } from './secret-file';
import { tempDir } from './testing/temp-dir';

/** What reaches the disk, in order: fsync of a file or of a folder, link, rename. */
const recordDiskCalls = (): string[] => {
  const calls: string[] = [];
  const { fsyncSync, linkSync, renameSync, fstatSync } = fs;
  jest.spyOn(fs, 'fsyncSync').mockImplementation((fd) => {
    calls.push(fstatSync(fd).isDirectory() ? 'fsync folder' : 'fsync file');
    fsyncSync(fd);
  });
  jest.spyOn(fs, 'linkSync').mockImplementation((from, to) => {
    calls.push('link');
    linkSync(from, to);
  });
  jest.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
    calls.push('rename');
    renameSync(from, to);
  });
  return calls;
};

describe('readOrCreateSecretFile', () => {
  afterEach(() => jest.restoreAllMocks());

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

  it('reads a secret that exists without generating or writing anything (a read-only folder works)', () => {
    const file = path.join(tempDir(), 'secret');
    writeFileSync(file, 'kept\n', { mode: 0o600 });
    const generate = jest.fn(() => 'spare');
    const opened = jest.spyOn(fs, 'openSync');
    expect(readOrCreateSecretFile(file, generate)).toEqual({ value: 'kept', created: false });
    expect(generate).not.toHaveBeenCalled();
    expect(opened).not.toHaveBeenCalled();
  });

  it('forces the new secret to disk before linking it into place, then syncs the folder', () => {
    const calls = recordDiskCalls();
    readOrCreateSecretFile(path.join(tempDir(), 'secret'), () => 'first');
    expect(calls).toEqual(['fsync file', 'link', 'fsync folder']);
  });
});

describe('renameDurably', () => {
  afterEach(() => jest.restoreAllMocks());

  it('syncs the folder after the rename', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a'), 'x');
    const calls = recordDiskCalls();
    renameDurably(path.join(dir, 'a'), path.join(dir, 'b'));
    expect(calls).toEqual(['rename', 'fsync folder']);
    expect(readdirSync(dir)).toEqual(['b']);
  });
});
