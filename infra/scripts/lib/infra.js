// @ts-check
const { existsSync, mkdirSync, readdirSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { ensureNats, natsPidFile, stopNats } = require('./nats');
const { ensurePostgres, postmasterPidFile, stopPostgres } = require('./postgres');

/** @typedef {{ postgres: boolean, nats: boolean }} Components */
/**
 * Where the servers are: `databaseUrl` / `natsUrl` name servers of the user's own; otherwise
 * Keyward runs its own on the ports (`fast`: without fsync, for test runs).
 * @typedef {{ pgPort: number, natsPort: number, databaseUrl?: string, natsUrl?: string, fast: boolean }} InfraSettings
 */

/** The settings the environment gives (`DATABASE_URL`, `NATS_URL`, `KEYWARD_PG_PORT`, ...). @returns {InfraSettings} */
const infraSettings = () => ({
  pgPort: Number(process.env.KEYWARD_PG_PORT ?? 54329),
  natsPort: Number(process.env.KEYWARD_NATS_PORT ?? 4222),
  databaseUrl: process.env.DATABASE_URL || undefined,
  natsUrl: process.env.NATS_URL || undefined,
  fast: process.env.KEYWARD_PG_FAST === '1',
});

/**
 * Brings up what is missing, reuses what runs, and writes `<data>/infra.json`
 * (`{ databaseUrl, natsUrl }`), where @keyward/config finds them when the variables are unset.
 * @param {string} dataDir @param {InfraSettings} [settings]
 * @returns {Promise<{ databaseUrl: string, natsUrl: string, started: Components }>}
 */
const infraUp = async (dataDir, settings = infraSettings()) => {
  mkdirSync(dataDir, { recursive: true });
  const [pgResult, natsResult] = await Promise.allSettled([
    ensurePostgres(dataDir, { port: settings.pgPort, given: settings.databaseUrl, fast: settings.fast }),
    ensureNats(dataDir, { port: settings.natsPort, given: settings.natsUrl }),
  ]);
  if (pgResult.status === 'rejected' || natsResult.status === 'rejected') {
    // Half an infrastructure is no use: stop the half this call started, then report the failure.
    await infraDown(dataDir, {
      postgres: pgResult.status === 'fulfilled' && pgResult.value.started,
      nats: natsResult.status === 'fulfilled' && natsResult.value.started,
    });
    throw pgResult.status === 'rejected' ? pgResult.reason : /** @type {PromiseRejectedResult} */ (natsResult).reason;
  }
  const [pg, nats] = [pgResult.value, natsResult.value];
  const urls = { databaseUrl: pg.url, natsUrl: nats.url };
  writeFileSync(path.join(dataDir, 'infra.json'), `${JSON.stringify(urls, null, 2)}\n`);
  return { ...urls, started: { postgres: pg.started, nats: nats.started } };
};

/** The data folder of jest worker `n`'s servers (infra/scripts/test.js); worker 1 has `dataDir`'s own. @param {string} dataDir @param {number} n */
const workerDataDir = (dataDir, n) => (n === 1 ? dataDir : path.join(dataDir, `worker-${n}`));

/**
 * Stops the servers Keyward started under `dataDir` (their pid files live there, so a server named
 * by DATABASE_URL / NATS_URL is never touched); `only` narrows it to, e.g., what one test run
 * started. Without it, the servers of other jest workers too, should a test run have been killed.
 * @param {string} dataDir @param {Components} [only] @returns {Promise<string[]>} what was stopped
 */
const infraDown = async (dataDir, only) => {
  const stopped = [];
  if ((only?.postgres ?? true) && (await stopPostgres(dataDir))) stopped.push('PostgreSQL');
  if ((only?.nats ?? true) && (await stopNats(dataDir))) stopped.push('NATS');
  if (only) return stopped;
  const workers = existsSync(dataDir) ? readdirSync(dataDir).filter((name) => /^worker-\d+$/.test(name)) : [];
  for (const name of workers) stopped.push(...(await infraDown(path.join(dataDir, name), { postgres: true, nats: true })).map((server) => `${server} (${name})`));
  return stopped;
};

/** The pid files of the servers Keyward starts under `dataDir` (whether or not they run). @param {string} dataDir */
const serverPidFiles = (dataDir) => ({ postgres: postmasterPidFile(dataDir), nats: natsPidFile(dataDir) });

module.exports = { infraSettings, infraUp, infraDown, workerDataDir, serverPidFiles };
