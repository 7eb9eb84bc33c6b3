import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Reads a secret kept in the data folder, creating it once with mode 0600. The value is written
 * to a private temporary file first and then hard-linked into place: `link` fails if the name
 * exists, so when two services start together exactly one wins and the other never sees a
 * half-written file.
 */
export const readOrCreateSecretFile = (file: string, generate: () => string): { value: string; created: boolean } => {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temporary, `${generate()}\n`, { flag: 'wx', mode: 0o600 });
  let created = true;
  try {
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    created = false;
  } finally {
    rmSync(temporary, { force: true });
  }
  return { value: readFileSync(file, 'utf8').trim(), created };
};
