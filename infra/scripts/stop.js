// @ts-check
/** `npm stop`: the services, then the PostgreSQL and NATS that Keyward started. */
const { dataDir } = require('./lib/paths');
const { infraDown } = require('./lib/infra');
const { stopServices } = require('./lib/services');

const main = async () => {
  const services = await stopServices(dataDir());
  const infra = await infraDown(dataDir());
  const stopped = [...services, ...infra];
  console.log(stopped.length ? `stopped ${stopped.join(', ')}` : 'nothing was running');
};

main().catch((error) => {
  console.error(`stop: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
