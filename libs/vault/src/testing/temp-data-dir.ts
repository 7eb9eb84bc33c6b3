import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh data folder, where the generated master key goes. */
export const tempDataDir = (): string => mkdtempSync(path.join(os.tmpdir(), 'keyward-vault-'));
