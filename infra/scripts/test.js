// @ts-check
/**
 * `npm test`: build, bring up PostgreSQL and NATS of the tests' own (other ports and data folder
 * than `npm start`, so a running install is never disturbed), lint, then jest: unit and
 * integration, then end-to-end. Arguments after `--` go to jest (`npm test -- libs/domain`). Ends
 * with one line: `N passed, N failed, N skipped`. Servers this run started are stopped at the end;
 * servers that already ran keep running.
 *
 * Each jest worker has a PostgreSQL and a NATS of its own (libs/testing/src/worker-infra.setup.ts):
 * the services a test starts answer on the bus's fixed subjects, and the event store reads up to
 * the oldest transaction running anywhere on its server. Servers the user names (DATABASE_URL,
 * NATS_URL) cannot be multiplied: then jest runs one file at a time.
 */
const { spawnSync } = require('node:child_process');
const { existsSync, readFileSync, rmSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT, dataDir: dataDirOf } = require('./lib/paths');
const { infraSettings, infraUp, infraDown } = require('./lib/infra');

const defaults = { KEYWARD_DATA_DIR: path.join('.data', 'test'), KEYWARD_PG_PORT: '54339', KEYWARD_NATS_PORT: '4232', KEYWARD_PG_FAST: '1' };
for (const [name, value] of Object.entries(defaults)) process.env[name] ??= value;
const bin = (/** @type {string} */ name) => path.join(ROOT, 'node_modules', '.bin', name);
const ESLINT_CONFIGS = ['eslint.config.mjs', 'eslint.config.js', 'eslint.config.cjs', 'eslint.config.ts'];

/** @param {string} label @param {string} command @param {string[]} args @param {boolean} [quiet] no stdout @returns {number} exit code */
const run = (label, command, args, quiet = false) => {
  console.log(`\n> ${label}`);
  return spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'], env: process.env }).status ?? 1;
};

/** Test counts from a `jest --json --outputFile` report (none when jest died before writing it). @param {string} file */
const counts = (file) => {
  if (!existsSync(file)) return { passed: 0, failed: 0, skipped: 0 };
  const r = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
};

const lint = () => {
  if (!ESLINT_CONFIGS.some((f) => existsSync(path.join(ROOT, f)))) return 0;
  // The module-boundary rule reads Nx's project graph: compute it first, without a daemon.
  process.env.NX_DAEMON = 'false';
  return run('project graph', bin('nx'), ['show', 'projects'], true) || run('lint', bin('eslint'), ['.']);
};

/** More servers than this cost more to start than their worker saves. */
const MAX_WORKERS = 4;

/**
 * Servers for each jest worker, on consecutive ports; worker N finds them in
 * `KEYWARD_WORKER_<N>_DATABASE_URL` / `_NATS_URL`. Stops what it started if any fails.
 * @param {string} dataDir
 */
const workerInfra = async (dataDir) => {
  const settings = infraSettings();
  const workers = settings.databaseUrl || settings.natsUrl ? 1 : Math.min(os.availableParallelism(), MAX_WORKERS);
  const dirs = Array.from({ length: workers }, (_, i) => (i === 0 ? dataDir : path.join(dataDir, `worker-${i + 1}`)));
  const settled = await Promise.allSettled(dirs.map((dir, i) => infraUp(dir, { ...settings, pgPort: settings.pgPort + i, natsPort: settings.natsPort + i })));
  const down = async () => (await Promise.all(settled.map((r, i) => (r.status === 'fulfilled' ? infraDown(dirs[i], r.value.started) : [])))).flat();
  const failed = settled.find((r) => r.status === 'rejected');
  if (failed) {
    await down();
    throw failed.reason;
  }
  const infras = settled.map((r) => /** @type {PromiseFulfilledResult<Awaited<ReturnType<typeof infraUp>>>} */ (r).value);
  infras.forEach((infra, i) => {
    process.env[`KEYWARD_WORKER_${i + 1}_DATABASE_URL`] = infra.databaseUrl;
    process.env[`KEYWARD_WORKER_${i + 1}_NATS_URL`] = infra.natsUrl;
  });
  return { workers, first: infras[0], down };
};

/** @param {string[]} jestArgs */
const main = async (jestArgs) => {
  if (run('build', 'npm', ['run', 'build']) !== 0) return 1;
  const dataDir = dataDirOf();
  const infra = await workerInfra(dataDir);
  process.env.DATABASE_URL = infra.first.databaseUrl;
  process.env.NATS_URL = infra.first.natsUrl;
  try {
    const lintStatus = lint();
    const reports = [path.join(dataDir, 'jest-unit-int.json'), path.join(dataDir, 'jest-e2e.json')];
    for (const r of reports) rmSync(r, { force: true });
    // The user's arguments go first: `--selectProjects` takes a list and would swallow a path after it.
    const common = [...jestArgs, '--ci', '--passWithNoTests', '--json', `--maxWorkers=${infra.workers}`];
    const first = run('unit and integration tests', bin('jest'), [...common, '--outputFile', reports[0], '--selectProjects', 'unit', 'int']);
    const second = run('end-to-end tests', bin('jest'), [...common, '--outputFile', reports[1], '--forceExit', '--selectProjects', 'e2e']);
    const total = reports.map(counts).reduce((a, b) => ({ passed: a.passed + b.passed, failed: a.failed + b.failed, skipped: a.skipped + b.skipped }));
    if (lintStatus !== 0) console.log('\nlint failed');
    console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
    return lintStatus || first || second;
  } finally {
    const stopped = await infra.down();
    if (stopped.length) console.log(`stopped ${stopped.join(', ')} (started by this run)`);
  }
};

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(`test: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
