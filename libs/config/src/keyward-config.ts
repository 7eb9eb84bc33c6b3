import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Service configuration (product.md section 10), all from the environment. */
export interface KeywardConfig {
  readonly databaseUrl: string;
  readonly natsUrl: string;
  readonly dataDir: string;
  readonly gatewayPort: number;
  readonly eventStoreUrl?: string;
  /** `KEYWARD_METRICS_PORT`: where a NATS-only service serves /metrics and /health (0: any free port); unset: the service's default. */
  readonly metricsPort?: number;
}

/** `infra-up` writes where it started PostgreSQL and NATS, so services need no variables at all. */
interface InfraFile {
  readonly databaseUrl?: string;
  readonly natsUrl?: string;
}

export const dataDirOf = (env: NodeJS.ProcessEnv): string => path.resolve(env.KEYWARD_DATA_DIR || '.data');

const readInfraFile = (dataDir: string): InfraFile => {
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
  const metricsPort = env.KEYWARD_METRICS_PORT ? Number(env.KEYWARD_METRICS_PORT) : undefined;
  if (metricsPort !== undefined && (!Number.isInteger(metricsPort) || metricsPort < 0 || metricsPort > 65_535)) throw new Error('KEYWARD_METRICS_PORT must be a port number (0: any free port)');
  return {
    databaseUrl,
    natsUrl,
    dataDir,
    gatewayPort,
    ...(env.EVENTSTORE_URL ? { eventStoreUrl: env.EVENTSTORE_URL } : {}),
    ...(metricsPort === undefined ? {} : { metricsPort }),
  };
};
