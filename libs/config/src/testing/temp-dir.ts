import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh, empty data folder for one test. */
export const tempDir = (): string => mkdtempSync(path.join(os.tmpdir(), 'keyward-config-'));
