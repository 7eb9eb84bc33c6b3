// @ts-check
/** `npm run infra:up`: PostgreSQL and NATS, started if missing, reused if running. */
const { dataDir } = require('./lib/paths');
const { infraUp } = require('./lib/infra');

infraUp(dataDir()).then(
  (state) => {
    console.log(`PostgreSQL: ${state.databaseUrl.replace(/\/\/[^@]*@/, '//')}`);
    console.log(`NATS:       ${state.natsUrl}`);
  },
  (error) => {
    console.error(`infra-up: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
