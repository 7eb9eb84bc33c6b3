import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Service configuration (product.md section 10), all from the environment. */
export interface KeywardConfig {
  readonly databaseUrl: string;
  readonly natsUrl: string;
  readonly dataDir: string;
  readonly gatewayPort: number;
  readonly eventStoreUrl?: string;
  /** Where each NATS-only service serves /metrics and /health (0: any free port); a service not named here uses its default. */
  readonly metricsPorts: Readonly<Partial<Record<OpsService, number>>>;
  /** How often the supervisor (`npm start`) restarted this service before this run; unset when nothing supervises it. */
  readonly supervisorRestarts?: number;
}

/** The services with a /metrics and /health listener of their own; the gateway serves both on its HTTP port. */
export const OPS_SERVICES = ['key-command', 'projector', 'verifier', 'webhook-sender'] as const;
export type OpsService = (typeof OPS_SERVICES)[number];

/**
 * `KEYWARD_KEY_COMMAND_METRICS_PORT`, `KEYWARD_PROJECTOR_METRICS_PORT`, `KEYWARD_VERIFIER_METRICS_PORT`:
 * a variable per service, because `npm start` hands every service the same environment and one
 * port shared by all would let only one of them start.
 */
export const metricsPortVariable = (service: OpsService): string => `KEYWARD_${service.toUpperCase().replace('-', '_')}_METRICS_PORT`;

/** Set by the supervisor for each run of a service it starts; the service reports it as a metric. */
export const SUPERVISOR_RESTARTS_ENV = 'KEYWARD_SUPERVISOR_RESTARTS';

/** `infra-up` writes where it started PostgreSQL and NATS, so services need no variables at all. */
export interface InfraFile {
  readonly databaseUrl?: string;
  readonly natsUrl?: string;
}

export const dataDirOf = (env: NodeJS.ProcessEnv): string => path.resolve(env.KEYWARD_DATA_DIR || '.data');

/** Where `infra-up` started PostgreSQL and NATS for this data folder; empty when it did not. */
export const readInfraFile = (dataDir: string): InfraFile => {
  const file = path.join(dataDir, 'infra.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as InfraFile) : {};
};

/** Reads the service configuration; DATABASE_URL and NATS_URL fall back to `<dataDir>/infra.json`. */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): KeywardConfig => {
  const dataDir = dataDirOf(env);
  const infra = env.DATABASE_URL && env.NATS_URL ? {} : readInfraFile(dataDir);
  // `||`, not `??`: a variable set to "" (a common compose/CI idiom) means unset.
  const databaseUrl = env.DATABASE_URL || infra.databaseUrl;
  const natsUrl = env.NATS_URL || infra.natsUrl;
  if (!databaseUrl || !natsUrl) {
    const missing = [databaseUrl ? [] : ['DATABASE_URL'], natsUrl ? [] : ['NATS_URL']].flat();
    const [verb, pronoun] = missing.length > 1 ? ['are', 'them'] : ['is', 'it'];
    throw new Error(`${missing.join(' and ')} ${verb} not set and ${path.join(dataDir, 'infra.json')} does not name ${pronoun}: run "npm run infra:up" (or "npm start") or set ${pronoun}`);
  }
  const gatewayPort = Number(env.GATEWAY_PORT || 3000);
  if (!Number.isInteger(gatewayPort) || gatewayPort < 1 || gatewayPort > 65_535) throw new Error('GATEWAY_PORT must be a port number');
  const restarts = env[SUPERVISOR_RESTARTS_ENV] ? Number(env[SUPERVISOR_RESTARTS_ENV]) : undefined;
  if (restarts !== undefined && !(Number.isInteger(restarts) && restarts >= 0)) throw new Error(`${SUPERVISOR_RESTARTS_ENV} must be a count`);
  return {
    databaseUrl,
    natsUrl,
    dataDir,
    gatewayPort,
    ...(env.EVENTSTORE_URL ? { eventStoreUrl: env.EVENTSTORE_URL } : {}),
    metricsPorts: metricsPortsOf(env),
    ...(restarts === undefined ? {} : { supervisorRestarts: restarts }),
  };
};

const metricsPortsOf = (env: NodeJS.ProcessEnv): Partial<Record<OpsService, number>> => {
  const ports: Partial<Record<OpsService, number>> = {};
  for (const service of OPS_SERVICES) {
    const variable = metricsPortVariable(service);
    if (!env[variable]) continue;
    const port = Number(env[variable]);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`${variable} must be a port number (0: any free port)`);
    ports[service] = port;
  }
  return ports;
};
