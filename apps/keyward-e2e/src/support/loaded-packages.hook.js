// @ts-check
/**
 * Preloaded into a service by loaded-drivers.e2e.spec.ts (`NODE_OPTIONS=--require <this file>`).
 * On SIGUSR2, which no service uses, it writes the npm packages the process has loaded so far to
 * `$KEYWARD_LOADED_PACKAGES_DIR/<service>-<pid>.json`. Plain JavaScript: it runs before anything
 * could compile it.
 */
const { renameSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const dir = process.env.KEYWARD_LOADED_PACKAGES_DIR;

/** `…/node_modules/@scope/name/lib/x.js` → `@scope/name`; the last `node_modules` wins. */
const packageOf = (/** @type {string} */ file) => {
  const parts = file.split(`${path.sep}node_modules${path.sep}`);
  if (parts.length < 2) return undefined;
  const segments = parts[parts.length - 1].split(path.sep);
  return segments[0].startsWith('@') ? `${segments[0]}/${segments[1]}` : segments[0];
};

if (dir) {
  process.on('SIGUSR2', () => {
    const packages = [...new Set(Object.keys(require.cache).map(packageOf).filter((name) => name !== undefined))].sort();
    // apps/<service>/dist/main.js
    const service = path.basename(path.resolve(process.argv[1] ?? '', '../..'));
    const file = path.join(dir, `${service}-${process.pid}.json`);
    // Written whole, then renamed, so the test never reads half a file.
    writeFileSync(`${file}.partial`, JSON.stringify(packages));
    renameSync(`${file}.partial`, file);
  });
}
