import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/** A secret file's text, trimmed, or undefined when there is none (any other failure is thrown). */
export const readSecretFile = (file: string): string | undefined => {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
};

/** A new name in a folder survives a power loss only once the folder itself is on disk. */
const syncFolder = (folder: string): void => {
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};

/** Written and forced to disk before it is linked or renamed anywhere: never a name pointing at an empty file. */
const writeDurably = (file: string, text: string): void => {
  const fd = openSync(file, 'wx', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};

/**
 * Reads a secret kept in the data folder, creating it once with mode 0600 when (and only when)
 * it does not exist, so a read-only folder holding it works and no spare secret is ever written.
 * A new value is written to a private temporary file, forced to disk, then hard-linked into place
 * and the folder synced: `link` fails if the name exists, so when two services start together
 * exactly one wins and the other never sees a half-written file, and after a power loss the file
 * is whole or absent, never empty.
 */
export const readOrCreateSecretFile = (file: string, generate: () => string): { value: string; created: boolean } => {
  const existing = readSecretFile(file);
  if (existing !== undefined) return { value: existing, created: false };
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  let created = true;
  try {
    writeDurably(temporary, `${generate()}\n`);
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    created = false;
  } finally {
    rmSync(temporary, { force: true });
  }
  syncFolder(path.dirname(file));
  return { value: readFileSync(file, 'utf8').trim(), created };
};

/** `rename`, then the folder synced, so the new name (and the old one's absence) survive a power loss. */
export const renameDurably = (from: string, to: string): void => {
  renameSync(from, to);
  syncFolder(path.dirname(to));
};
