// @ts-check
/**
 * `npm start` (after `npm run build`): PostgreSQL, NATS, the pepper and root key, then a
 * detached supervisor that runs the services and restarts any that dies. Prints the gateway
 * URL, and the root key banner the first time.
 */
const { existsSync, readFileSync } = require('node:fs');
const path = require('node:path');
const { dataDir } = require('./lib/paths');
const { builtLib } = require('./lib/built-lib');
const { infraUp } = require('./lib/infra');
const { serviceStatus, startServices } = require('./lib/services');
const { waitFor } = require('./lib/wait-for');

/** One implementation of where secrets live, shared with the services: the built @keyward/config. */
const configLib = () => /** @type {typeof import('../../libs/config/src/index')} */ (builtLib('config'));

/** @param {string} log */
const tail = (log) => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-20).join('\n') : '(no log yet)');

const main = async () => {
  const data = dataDir();
  const { loadPepper, loadRootKey, rootKeyBanner } = configLib();
  const infra = await infraUp(data);
  // Created here, before the services start, so the banner is printed by the command the user ran.
  loadPepper({ dataDir: data });
  const rootKey = loadRootKey({ dataDir: data });
  const port = Number(process.env.GATEWAY_PORT ?? 3000);
  const env = { ...process.env, DATABASE_URL: infra.databaseUrl, NATS_URL: infra.natsUrl, KEYWARD_DATA_DIR: data, GATEWAY_PORT: String(port) };
  const started = await startServices(data, env);
  if (started.length) console.log(`started ${started.join(', ')} under a supervisor that restarts them (logs in ${path.join(data, 'logs')})`);
  else console.log(`the services were already running:\n  ${serviceStatus(data).join('\n  ')}`);
  const url = `http://127.0.0.1:${port}`;
  const healthy = await waitFor(async () => (await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) })).status === 200, 60_000);
  if (!healthy) {
    const services = serviceStatus(data).join('\n  ');
    throw new Error(`the gateway did not answer ${url}/health within 60 s; the services (still supervised):\n  ${services}\nlast lines of its log:\n${tail(path.join(data, 'logs', 'gateway.log'))}`);
  }
  console.log(`\nKeyward is running: ${url}  (API docs: ${url}/docs)`);
  if (rootKey.generated) console.log(`\n${rootKeyBanner(rootKey)}`);
  else console.log(`root key: ${rootKey.path ? `stored in ${rootKey.path}` : 'from KEYWARD_ROOT_KEY'} (printed only when it is generated)`);
  console.log(`restarts and crash loops: ${path.join(data, 'run', 'supervisor.json')}`);
  console.log('stop everything with: npm stop');
};

main().catch((error) => {
  console.error(`start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
