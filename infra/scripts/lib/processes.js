// @ts-check
const { existsSync, readFileSync, rmSync } = require('node:fs');

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

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `check` until it resolves true or `timeoutMs` passes.
 * @param {() => Promise<boolean>} check @param {number} timeoutMs
 */
const waitFor = async (check, timeoutMs) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return true;
    await sleep(200);
  }
  return false;
};

/** Stops the process in a pid file (SIGTERM, then SIGKILL after 10 s). @param {string} file */
const stopPidFile = async (file) => {
  const pid = readPid(file);
  if (pid && isAlive(pid)) {
    process.kill(pid, 'SIGTERM');
    if (!(await waitFor(async () => !isAlive(pid), 10_000))) process.kill(pid, 'SIGKILL');
  }
  rmSync(file, { force: true });
  return pid !== undefined;
};

module.exports = { isAlive, readPid, sleep, waitFor, stopPidFile };
