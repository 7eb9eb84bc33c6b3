import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');
/** The npm bin, as `npx keyward` runs it. */
const BIN = path.join(ROOT, 'apps/cli/bin/keyward.js');

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The built `keyward` CLI as a separate process, with an environment of its own only: the test
 * runner's DATABASE_URL, NATS_URL and root key never leak in; `input` is piped in. Asynchronous, so that the stack's
 * services keep being read while it runs.
 */
export const runKeyward = (args: readonly string[], env: NodeJS.ProcessEnv, input?: string): Promise<CliRun> =>
  new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : undefined;
      if (code === undefined) reject(new Error(`keyward ${args.join(' ')} did not exit: ${error?.message}\n${stderr}`));
      else resolve({ code, stdout, stderr });
    });
    // What is piped in (a key for `verify -`); nothing otherwise, so a read sees its end at once.
    child.stdin?.end(input);
  });

/** A data folder as `npm start` leaves it: its root key, and infra.json naming NATS and PostgreSQL. */
export const cliDataDir = (rootKey: string, infra: { readonly natsUrl: string; readonly databaseUrl: string }): string => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'keyward-cli-e2e-'));
  writeFileSync(path.join(dir, 'root-key'), `${rootKey}\n`, { mode: 0o600 });
  writeFileSync(path.join(dir, 'infra.json'), JSON.stringify(infra));
  return dir;
};
