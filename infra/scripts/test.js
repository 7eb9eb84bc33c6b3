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
const { infraSettings, infraUp, infraDown, workerDataDir } = require('./lib/infra');

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

/** @param {string[]} jestArgs */
const saysInBand = (jestArgs) => jestArgs.some((a) => a === '-i' || a === '--runInBand');

/**
 * How many jest workers: one per core, or one when the user says `-i` or names the servers.
 * @param {string[]} jestArgs @param {import('./lib/infra').InfraSettings} settings
 */
const workerCount = (jestArgs, settings) => {
  if (jestArgs.some((a) => /^(-w|--maxWorkers|--max-workers)(=|$)/.test(a))) {
    throw new Error('npm test chooses the number of jest workers (each has servers of its own); pass -i for one');
  }
  return saysInBand(jestArgs) || settings.databaseUrl || settings.natsUrl ? 1 : Math.min(os.availableParallelism(), MAX_WORKERS);
};

/**
 * Servers for each jest worker, on consecutive ports; worker N finds them in
 * `KEYWARD_WORKER_<N>_DATABASE_URL` / `_NATS_URL`. Worker 1's come up first: the first start on a
 * new machine also creates the `postgres` system user, which two at once would both try. Stops
 * what it started if any fails.
 * @param {string} dataDir @param {number} workers @param {import('./lib/infra').InfraSettings} settings
 */
const workerInfra = async (dataDir, workers, settings) => {
  const upOne = (/** @type {number} */ n) => infraUp(workerDataDir(dataDir, n), { ...settings, pgPort: settings.pgPort + n - 1, natsPort: settings.natsPort + n - 1 });
  const first = await upOne(1);
  const rest = await Promise.allSettled(Array.from({ length: workers - 1 }, (_, i) => upOne(i + 2)));
  const settled = [{ status: 'fulfilled', value: first }, ...rest];
  const down = async () => {
    const stopped = await Promise.all(settled.map((r, i) => (r.status === 'fulfilled' ? infraDown(workerDataDir(dataDir, i + 1), r.value.started) : [])));
    return stopped.flatMap((servers, i) => servers.map((s) => (i ? `${s} (worker-${i + 1})` : s)));
  };
  const failed = rest.find((r) => r.status === 'rejected');
  if (failed) {
    await down();
    throw failed.reason;
  }
  const infras = settled.map((r) => /** @type {PromiseFulfilledResult<typeof first>} */ (r).value);
  infras.forEach((infra, i) => {
    process.env[`KEYWARD_WORKER_${i + 1}_DATABASE_URL`] = infra.databaseUrl;
    process.env[`KEYWARD_WORKER_${i + 1}_NATS_URL`] = infra.natsUrl;
  });
  return { first, down };
};

/** @param {string[]} jestArgs */
const main = async (jestArgs) => {
  const settings = infraSettings();
  const workers = workerCount(jestArgs, settings);
  if (run('build', 'npm', ['run', 'build']) !== 0) return 1;
  const dataDir = dataDirOf();
  const infra = await workerInfra(dataDir, workers, settings);
  process.env.DATABASE_URL = infra.first.databaseUrl;
  process.env.NATS_URL = infra.first.natsUrl;
  try {
    const lintStatus = lint();
    const reports = [path.join(dataDir, 'jest-unit-int.json'), path.join(dataDir, 'jest-e2e.json')];
    for (const r of reports) rmSync(r, { force: true });
    // The user's arguments go first: `--selectProjects` takes a list and would swallow a path after it.
    const common = [...jestArgs, '--ci', '--passWithNoTests', '--json', ...(saysInBand(jestArgs) ? [] : [workers > 1 ? `--maxWorkers=${workers}` : '--runInBand'])];
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
