import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

/** The servers to use: from the environment, or those `npm run infra:up` started. */
export const infra = (): { databaseUrl: string; natsUrl: string } => {
  if (process.env.DATABASE_URL && process.env.NATS_URL) return { databaseUrl: process.env.DATABASE_URL, natsUrl: process.env.NATS_URL };
  const dataDir = process.env.KEYWARD_DATA_DIR ?? path.join(ROOT, '.data');
  return JSON.parse(readFileSync(path.join(dataDir, 'infra.json'), 'utf8')) as { databaseUrl: string; natsUrl: string };
};

export const withDatabase = (url: string, name: string): string => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/** A process's resident memory, as the kernel counts it. */
export const rssBytes = (pid: number): number => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line?.split(/\s+/)[1] ?? 0) * 1024;
};

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The built verifier's entry point. */
export const VERIFIER_MAIN = path.join(ROOT, 'apps/verifier/dist/main.js');
