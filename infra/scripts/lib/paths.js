// @ts-check
const path = require('node:path');

/** The repository root, whatever folder a script is started from. */
const ROOT = path.resolve(__dirname, '../../..');

/** `KEYWARD_DATA_DIR` or `.data`: embedded servers' data, logs, pid files, generated secrets. */
const dataDir = () => path.resolve(ROOT, process.env.KEYWARD_DATA_DIR ?? '.data');

module.exports = { ROOT, dataDir };
