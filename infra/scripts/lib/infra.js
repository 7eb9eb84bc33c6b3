// @ts-check
const { existsSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { ensureNats, stopNats } = require('./nats');
const { ensurePostgres, stopPostgres } = require('./postgres');

/**
 * @typedef {{ databaseUrl: string, natsUrl: string, managed: { postgres: boolean, nats: boolean } }} InfraState
 */

/** @param {string} dataDir */
const infraFile = (dataDir) => path.join(dataDir, 'infra.json');

/** @param {string} dataDir @returns {InfraState | undefined} */
const readInfra = (dataDir) => (existsSync(infraFile(dataDir)) ? JSON.parse(readFileSync(infraFile(dataDir), 'utf8')) : undefined);

/** Brings up what is missing, reuses what runs; services find the URLs in infra.json. @param {string} dataDir */
const infraUp = async (dataDir) => {
  mkdirSync(dataDir, { recursive: true });
  const [pg, nats] = await Promise.all([ensurePostgres(dataDir), ensureNats(dataDir)]);
  /** @type {InfraState} */
  const state = { databaseUrl: pg.url, natsUrl: nats.url, managed: { postgres: pg.managed, nats: nats.managed } };
  writeFileSync(infraFile(dataDir), `${JSON.stringify(state, null, 2)}\n`);
  return { ...state, startedNow: pg.started || nats.started };
};

/** Stops only what Keyward runs itself, never a server named by DATABASE_URL or NATS_URL. @param {string} dataDir */
const infraDown = async (dataDir) => {
  const state = readInfra(dataDir);
  const stopped = [];
  if (state?.managed.postgres !== false && (await stopPostgres(dataDir))) stopped.push('PostgreSQL');
  if (state?.managed.nats !== false && (await stopNats(dataDir))) stopped.push('NATS');
  return stopped;
};

module.exports = { infraUp, infraDown, readInfra };
