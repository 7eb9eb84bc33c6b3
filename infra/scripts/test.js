// @ts-check
/**
 * `npm test`: build, bring up a PostgreSQL and NATS of the tests' own (other ports and data
 * folder than `npm start`, so a running install is never disturbed), lint, then jest:
 * unit and integration in parallel, end-to-end one file at a time (they share the bus).
 * Arguments after `--` go to jest. Prints one closing line: `N passed, N failed, N skipped`.
 */
const { spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, readFileSync, rmSync } = require('node:fs');
const path = require('node:path');
const { ROOT } = require('./lib/paths');
const { infraUp, infraDown } = require('./lib/infra');

const testDataDir = path.join(ROOT, '.data', 'test');
const defaults = { KEYWARD_DATA_DIR: testDataDir, KEYWARD_PG_PORT: '54339', KEYWARD_NATS_PORT: '4232', KEYWARD_PG_FAST: '1' };
for (const [name, value] of Object.entries(defaults)) process.env[name] ??= value;
const bin = (/** @type {string} */ name) => path.join(ROOT, 'node_modules', '.bin', name);

/** @param {string} label @param {string} command @param {string[]} args */
const run = (label, command, args) => {
  console.log(`\n> ${label}`);
  return spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: process.env }).status ?? 1;
};

/** @param {string} file */
const counts = (file) => {
  if (!existsSync(file)) return { passed: 0, failed: 0, skipped: 0 };
  const r = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
};

const main = async () => {
  if (run('build', bin('tsc'), ['-b', 'tsconfig.build.json']) !== 0) return 1;
  const dataDir = path.resolve(ROOT, /** @type {string} */ (process.env.KEYWARD_DATA_DIR));
  mkdirSync(dataDir, { recursive: true });
  const infra = await infraUp(dataDir);
  process.env.DATABASE_URL = infra.databaseUrl;
  process.env.NATS_URL = infra.natsUrl;
  try {
    const jestArgs = process.argv.slice(2);
    // The module-boundary rule reads Nx's project graph; compute it without a daemon.
    process.env.NX_DAEMON = 'false';
    const lint = run('project graph', bin('nx'), ['show', 'projects']) || run('lint', bin('eslint'), ['.']);
    const reports = [path.join(dataDir, 'jest-unit-int.json'), path.join(dataDir, 'jest-e2e.json')];
    for (const r of reports) rmSync(r, { force: true });
    const common = ['--ci', '--passWithNoTests', '--json'];
    const first = run('unit and integration tests', bin('jest'), [...common, '--outputFile', reports[0], '--selectProjects', 'unit', 'int', ...jestArgs]);
    const second = run('end-to-end tests', bin('jest'), [...common, '--outputFile', reports[1], '--runInBand', '--forceExit', '--selectProjects', 'e2e', ...jestArgs]);
    const total = reports.map(counts).reduce((a, b) => ({ passed: a.passed + b.passed, failed: a.failed + b.failed, skipped: a.skipped + b.skipped }));
    if (lint !== 0) console.log('\nlint failed');
    console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
    return lint || first || second;
  } finally {
    // Leave the machine as found: stop what this run started, keep what was already running.
    if (infra.startedNow) await infraDown(dataDir);
  }
};

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`test: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
