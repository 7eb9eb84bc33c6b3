// @ts-check
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const path = require('node:path');

/** Where Debian's `chromium` package puts the browser, and the names other systems use. */
const NAMES = ['chromium', 'chromium-browser'];

const findChromium = () => {
  if (process.env.CHROMIUM_PATH) {
    if (!existsSync(process.env.CHROMIUM_PATH)) throw new Error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, which does not exist`);
    return process.env.CHROMIUM_PATH;
  }
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/bin', '/usr/local/bin'];
  return dirs.flatMap((d) => NAMES.map((n) => path.join(d, n))).find((p) => existsSync(p));
};

/**
 * Installs Debian's chromium when allowed (browser downloads are impossible on the closed network,
 * the distribution's package is not); otherwise explains in one line what to do.
 */
const installChromium = () => {
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get') && !process.env.KEYWARD_NO_INSTALL;
  if (!canInstall) throw new Error('chromium is not installed: install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH');
  console.log('installing chromium from Debian packages');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Two end-to-end workers may both need the browser: the second waits for dpkg's lock, then finds it installed.
  const install = ['-o', 'DPkg::Lock::Timeout=600', 'install', '-y', '-qq', 'chromium'];
  let result = spawnSync('apt-get', install, { stdio: 'inherit', env });
  // Package lists may be missing or stale on a fresh machine: refresh once and retry.
  if (result.status !== 0) {
    spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=600', 'update', '-qq'], { stdio: 'inherit', env });
    result = spawnSync('apt-get', install, { stdio: 'inherit', env });
  }
  const installed = findChromium();
  if (result.status !== 0 || !installed) throw new Error('apt-get could not install chromium; install it by hand or set CHROMIUM_PATH');
  return installed;
};

/** The browser's path: `CHROMIUM_PATH`, one on the PATH, or Debian's package installed now. @returns {string} */
const ensureChromium = () => findChromium() ?? installChromium();

module.exports = { ensureChromium };
