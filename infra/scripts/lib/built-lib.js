// @ts-check
const { existsSync } = require('node:fs');
const path = require('node:path');
const { ROOT } = require('./paths');

/**
 * A workspace library as built by `npm run build` (npm start builds first), so the scripts and
 * the services share one implementation. Callers give it its type with `typeof import(…)`.
 * @param {string} name folder under libs/ @returns {unknown}
 */
const builtLib = (name) => {
  const dist = path.join(ROOT, 'libs', name, 'dist', 'index.js');
  if (!existsSync(dist)) throw new Error(`${dist} is missing: run "npm run build" first (npm start does)`);
  return require(dist);
};

module.exports = { builtLib };
