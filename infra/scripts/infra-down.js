// @ts-check
/** `npm run infra:down`: stops the PostgreSQL and NATS that Keyward started. */
const { dataDir } = require('./lib/paths');
const { infraDown } = require('./lib/infra');

infraDown(dataDir()).then(
  (stopped) => console.log(stopped.length ? `stopped ${stopped.join(', ')}` : 'nothing to stop'),
  (error) => {
    console.error(`infra-down: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
