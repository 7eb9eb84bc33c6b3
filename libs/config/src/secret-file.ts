import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Reads a secret kept in the data folder, creating it once with mode 0600. `wx` makes creation
 * atomic: when two services start together, one writes and the other reads what it wrote.
 */
export const readOrCreateSecretFile = (file: string, generate: () => string): { value: string; created: boolean } => {
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    writeFileSync(file, `${generate()}\n`, { flag: 'wx', mode: 0o600 });
    return { value: readFileSync(file, 'utf8').trim(), created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { value: readFileSync(file, 'utf8').trim(), created: false };
  }
};
