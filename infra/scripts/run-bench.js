// @ts-check
/**
 * `node infra/scripts/run-bench.js <name>`: runs tools/bench/dist/<name>.bench.js on PostgreSQL and
 * NATS, then stops the servers this run started (servers that already ran keep running), so a
 * benchmark leaves nothing behind.
 */
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { ROOT, dataDir: dataDirOf } = require('./lib/paths');
const { infraUp, infraDown } = require('./lib/infra');

const main = async (/** @type {string | undefined} */ name) => {
  if (!name || !/^[a-z-]+$/.test(name)) throw new Error('usage: run-bench.js <name> (tools/bench/<name>.bench.ts)');
  const dataDir = dataDirOf();
  const infra = await infraUp(dataDir);
  try {
    const env = { ...process.env, DATABASE_URL: infra.databaseUrl, NATS_URL: infra.natsUrl };
    return spawnSync(process.execPath, [path.join(ROOT, 'tools', 'bench', 'dist', `${name}.bench.js`)], { cwd: ROOT, stdio: 'inherit', env }).status ?? 1;
  } finally {
    await infraDown(dataDir, infra.started);
  }
};

main(process.argv[2]).then(
  (status) => process.exit(status),
  (error) => {
    console.error(`run-bench: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
