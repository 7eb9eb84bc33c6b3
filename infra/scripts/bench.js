// @ts-check
/**
 * `npm run bench:verify` (after the build): brings up PostgreSQL and NATS like `npm test` does
 * (reusing running ones), runs `tools/bench/dist/<name>.bench.js` with their URLs, then stops the
 * servers this run started, however the bench ended. Arguments after the name go to the bench.
 */
const { spawn } = require('node:child_process');
const path = require('node:path');
const { ROOT, dataDir: dataDirOf } = require('./lib/paths');
const { infraUp, infraDown } = require('./lib/infra');

/** Forwarded to the bench, which cleans up and exits; Ctrl-C reaches it from the terminal directly. */
const FORWARDED = /** @type {const} */ (['SIGTERM', 'SIGHUP']);

/** @param {string} name @param {string[]} args @returns {Promise<number>} the bench's exit code */
const main = async (name, args) => {
  if (!name) throw new Error('usage: node infra/scripts/bench.js <name> [arguments]');
  const dataDir = dataDirOf();
  const infra = await infraUp(dataDir);
  try {
    const bench = spawn(process.execPath, [path.join(ROOT, 'tools/bench/dist', `${name}.bench.js`), ...args], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, DATABASE_URL: infra.databaseUrl, NATS_URL: infra.natsUrl },
    });
    const forward = (/** @type {NodeJS.Signals} */ signal) => bench.kill(signal);
    // The bench decides when to stop; this process only waits for it, then stops the servers.
    process.on('SIGINT', () => undefined);
    for (const signal of FORWARDED) process.on(signal, forward);
    return await new Promise((resolve) => {
      bench.once('error', () => resolve(1));
      bench.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
    });
  } finally {
    const stopped = await infraDown(dataDir, infra.started);
    if (stopped.length) console.log(`stopped ${stopped.join(' and ')} (started by this run)`);
  }
};

main(process.argv[2], process.argv.slice(3)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(`bench: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
