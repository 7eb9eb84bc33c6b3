import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The checkout the built benchmark runs from. */
export const ROOT = path.resolve(__dirname, '../../..');

/** Where `npm run infra:up` keeps its servers' data, pid files and `infra.json`: the scripts' own rule. */
export const infraDataDir = (): string => (require(path.join(ROOT, 'infra/scripts/lib/paths.js')) as { dataDir(): string }).dataDir();

/** A process's resident memory, as the kernel counts it. */
export const rssBytes = (pid: number | undefined): number => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line?.split(/\s+/)[1] ?? 0) * 1024;
};

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The built verifier's entry point. */
export const VERIFIER_MAIN = path.join(ROOT, 'apps/verifier/dist/main.js');
