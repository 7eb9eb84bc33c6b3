/**
 * Jest setup: this worker's own PostgreSQL and NATS, when infra/scripts/test.js started servers
 * per worker (why: see there). Without them (`npx jest` on unit specs) nothing changes.
 */
const worker = process.env.JEST_WORKER_ID ?? '1';
const databaseUrl = process.env[`KEYWARD_WORKER_${worker}_DATABASE_URL`];
const natsUrl = process.env[`KEYWARD_WORKER_${worker}_NATS_URL`];
if (databaseUrl && natsUrl) {
  process.env.DATABASE_URL = databaseUrl;
  process.env.NATS_URL = natsUrl;
} else if (process.env.KEYWARD_WORKER_1_DATABASE_URL) {
  // Sharing worker 1's servers would let two test files answer each other's requests.
  throw new Error(`jest worker ${worker} has no servers of its own: let npm test choose the number of workers`);
}

export {};
