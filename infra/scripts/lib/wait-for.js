// @ts-check

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `check` until it resolves true or `timeoutMs` passes; a rejection counts as "not yet".
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

module.exports = { waitFor };
