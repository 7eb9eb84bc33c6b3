/**
 * Jest setup: this worker's own PostgreSQL and NATS, when infra/scripts/test.js started one per
 * worker (why: see there). Without them (`npx jest` on unit specs) nothing changes.
 */
const worker = process.env.JEST_WORKER_ID ?? '1';
const databaseUrl = process.env[`KEYWARD_WORKER_${worker}_DATABASE_URL`];
const natsUrl = process.env[`KEYWARD_WORKER_${worker}_NATS_URL`];
if (databaseUrl) process.env.DATABASE_URL = databaseUrl;
if (natsUrl) process.env.NATS_URL = natsUrl;
