import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const MAIN = path.join(__dirname, '../dist/main.js');

/** Runs the built verifier to its exit; stdout holds its JSON log lines. */
const runVerifier = (env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });

/** A bad setting must stop the start, saying which one, rather than leave a verifier up that never serves. */
describe('the verifier process', () => {
  it('refuses to start with a KEYWARD_VERIFIER_STALE_MS that is no bound, naming it, before it connects to anything', async () => {
    // No DATABASE_URL, NATS_URL or infra file: it must fail on the setting, not on a connection.
    const { code, output } = await runVerifier({ PATH: process.env.PATH, KEYWARD_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'keyward-verifier-')), KEYWARD_VERIFIER_STALE_MS: 'soon' });
    expect(code).toBe(1);
    expect(output).toContain('could not start: KEYWARD_VERIFIER_STALE_MS must be a whole number of milliseconds');
    expect(output).not.toContain('DATABASE_URL');
  });
});
