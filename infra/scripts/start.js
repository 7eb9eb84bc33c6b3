// @ts-check
/**
 * `npm start` (after `npm run build`): PostgreSQL, NATS, then the four services, detached.
 * Prints the gateway URL, and the root key banner the first time.
 */
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { dataDir } = require('./lib/paths');
const { infraUp } = require('./lib/infra');
const { startServices } = require('./lib/services');
const { waitFor } = require('./lib/processes');

const main = async () => {
  const data = dataDir();
  const infra = await infraUp(data);
  // Built by `npm run build`; one implementation of where secrets live, shared with the services.
  const { loadPepper, loadRootKey, rootKeyBanner } = require('../../libs/config/dist');
  loadPepper({ dataDir: data });
  const rootKey = loadRootKey({ dataDir: data });
  const port = Number(process.env.GATEWAY_PORT ?? 3000);
  const env = { ...process.env, DATABASE_URL: infra.databaseUrl, NATS_URL: infra.natsUrl, KEYWARD_DATA_DIR: data, GATEWAY_PORT: String(port) };
  const started = startServices(data, env);
  if (started.length) console.log(`started ${started.join(', ')} (logs in ${path.join(data, 'logs')})`);
  const url = `http://127.0.0.1:${port}`;
  const healthy = await waitFor(async () => (await fetch(`${url}/health`)).ok, 60_000);
  if (!healthy) {
    const log = readFileSync(path.join(data, 'logs', 'gateway.log'), 'utf8').split('\n').slice(-20).join('\n');
    throw new Error(`the gateway did not become healthy within 60 s; last lines of its log:\n${log}`);
  }
  console.log(`\nKeyward is running: ${url}  (OpenAPI UI: ${url}/docs)`);
  if (rootKey.generated) console.log(`\n${rootKeyBanner(rootKey)}`);
  else console.log(`root key: ${rootKey.path ? `in ${rootKey.path}` : 'from KEYWARD_ROOT_KEY'} (shown only when it was generated)`);
  console.log('stop everything with: npm stop');
};

main().catch((error) => {
  console.error(`start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
