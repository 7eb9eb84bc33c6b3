// @ts-check
const { existsSync, readFileSync, rmSync } = require('node:fs');
const { waitFor } = require('./wait-for');

/** @param {number} pid */
const isAlive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** @param {string} file @returns {number | undefined} */
const readPid = (file) => {
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
};

/** The pid in `file` when that process still runs; a stale file (crash, reboot) counts as none. @param {string} file */
const runningPid = (file) => {
  const pid = readPid(file);
  return pid !== undefined && isAlive(pid) ? pid : undefined;
};

/**
 * Stops the process in a pid file (SIGTERM, then SIGKILL after 10 s) and removes the file.
 * @param {string} file @returns {Promise<boolean>} whether a live process was stopped
 */
const stopPidFile = async (file) => {
  const pid = runningPid(file);
  if (pid !== undefined) {
    process.kill(pid, 'SIGTERM');
    if (!(await waitFor(async () => !isAlive(pid), 10_000))) process.kill(pid, 'SIGKILL');
  }
  rmSync(file, { force: true });
  return pid !== undefined;
};

module.exports = { stopPidFile };
