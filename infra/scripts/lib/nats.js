// @ts-check
const { spawn, spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, openSync } = require('node:fs');
const path = require('node:path');
const { connect } = require('nats');
const { stopPidFile } = require('./pidfile');
const { waitFor } = require('./wait-for');

/** @param {string} url */
const healthy = async (url) => {
  try {
    const nc = await connect({ servers: url, timeout: 2_000, reconnect: false });
    await nc.close();
    return true;
  } catch {
    return false;
  }
};

const findNatsServer = () => {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/bin', '/usr/local/bin'];
  return dirs.map((d) => path.join(d, 'nats-server')).find((p) => existsSync(p));
};

/** Installs Debian's nats-server when allowed; otherwise explains in one line what to do. */
const installNatsServer = () => {
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get') && !process.env.KEYWARD_NO_INSTALL;
  if (!canInstall) {
    throw new Error('nats-server is not installed: install it (Debian/Ubuntu: apt-get install nats-server; or https://nats.io) or set NATS_URL');
  }
  console.log('installing nats-server from Debian packages');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const result = spawnSync('apt-get', ['install', '-y', '-qq', 'nats-server'], { stdio: 'inherit', env });
  const installed = findNatsServer();
  if (result.status !== 0 || !installed) throw new Error('apt-get could not install nats-server; install it by hand or set NATS_URL');
  return installed;
};

/** Where the nats-server Keyward starts under `dataDir` writes its pid. @param {string} dataDir */
const natsPidFile = (dataDir) => path.join(dataDir, 'run', 'nats.pid');

/** @param {string} dataDir @param {number} port */
const layout = (dataDir, port) => ({
  url: `nats://127.0.0.1:${port}`,
  store: path.join(dataDir, 'nats'),
  pidFile: natsPidFile(dataDir),
  log: path.join(dataDir, 'logs', 'nats.log'),
});

/**
 * Uses `given` (`NATS_URL`) when set; otherwise `nats-server -js` on loopback on `port`, detached,
 * with its JetStream store under `<data>/nats`. Reuses a server that already answers.
 * @param {string} dataDir @param {{ port: number, given?: string }} settings
 * @returns {Promise<{ url: string, managed: boolean, started: boolean }>}
 */
const ensureNats = async (dataDir, { port, given }) => {
  if (given) {
    if (!(await healthy(given))) throw new Error('NATS_URL is set but NATS does not answer there');
    return { url: given, managed: false, started: false };
  }
  const { url, store, pidFile, log } = layout(dataDir, port);
  if (await healthy(url)) return { url, managed: true, started: false };
  const binary = findNatsServer() ?? installNatsServer();
  for (const dir of [store, path.dirname(pidFile), path.dirname(log)]) mkdirSync(dir, { recursive: true });
  const out = openSync(log, 'a');
  const child = spawn(binary, ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', store, '-P', pidFile], {
    detached: true,
    stdio: ['ignore', out, out],
  });
  child.unref();
  if (!(await waitFor(() => healthy(url), 15_000))) throw new Error(`nats-server did not start on port ${port} (see ${log})`);
  return { url, managed: true, started: true };
};

/** Stops the nats-server whose pid file is under `<data>/run`, if any. @param {string} dataDir */
const stopNats = (dataDir) => stopPidFile(natsPidFile(dataDir));

module.exports = { ensureNats, stopNats, natsPidFile };
