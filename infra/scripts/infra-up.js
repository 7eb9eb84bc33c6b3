// @ts-check
/** `npm run infra:up`: PostgreSQL and NATS, started if missing, reused if running; writes `<data>/infra.json`. */
const path = require('node:path');
const { dataDir } = require('./lib/paths');
const { infraUp } = require('./lib/infra');

/** A DATABASE_URL from the environment may carry a real password; the embedded server's is a fixed local one. @param {string} url */
const shown = (url) => (process.env.DATABASE_URL ? url.replace(/:[^:@/]*@/, ':***@') : url);

infraUp(dataDir()).then(
  ({ databaseUrl, natsUrl, started }) => {
    const how = (/** @type {boolean} */ now) => (now ? 'started' : 'reused');
    console.log(`PostgreSQL  ${how(started.postgres)}  ${shown(databaseUrl)}`);
    console.log(`NATS        ${how(started.nats)}  ${natsUrl}`);
    console.log(`written to ${path.join(dataDir(), 'infra.json')}`);
  },
  (error) => {
    console.error(`infra-up: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
