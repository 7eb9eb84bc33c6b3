// @ts-check
const { spawn } = require('node:child_process');
const { existsSync, mkdirSync, openSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { ROOT } = require('./paths');
const { runningPid, stopPidFile } = require('./pidfile');

/** Start order: the command side and the followers first, so the gateway finds them live. */
const SERVICES = ['key-command', 'projector', 'verifier', 'gateway'];

/** @param {string} dataDir @param {string} name */
const pidFileOf = (dataDir, name) => path.join(dataDir, 'run', `${name}.pid`);

/**
 * Starts each built service as a detached process with its log under `<data>/logs`, unless one
 * already runs. @param {string} dataDir @param {NodeJS.ProcessEnv} env
 */
const startServices = (dataDir, env) => {
  mkdirSync(path.join(dataDir, 'run'), { recursive: true });
  mkdirSync(path.join(dataDir, 'logs'), { recursive: true });
  /** @type {string[]} */
  const started = [];
  for (const name of SERVICES) {
    const main = path.join(ROOT, 'apps', name, 'dist', 'main.js');
    if (!existsSync(main)) throw new Error(`${main} is missing: run "npm run build" first`);
    if (runningPid(pidFileOf(dataDir, name)) !== undefined) continue;
    const log = openSync(path.join(dataDir, 'logs', `${name}.log`), 'a');
    const child = spawn(process.execPath, [main], { cwd: ROOT, env, detached: true, stdio: ['ignore', log, log] });
    child.unref();
    writeFileSync(pidFileOf(dataDir, name), String(child.pid));
    started.push(name);
  }
  return started;
};

/** Stops the gateway first, so no request finds half the services gone. @param {string} dataDir */
const stopServices = async (dataDir) => {
  const stopped = [];
  for (const name of [...SERVICES].reverse()) if (await stopPidFile(pidFileOf(dataDir, name))) stopped.push(name);
  return stopped;
};

module.exports = { SERVICES, startServices, stopServices };
