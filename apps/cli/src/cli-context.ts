import path from 'node:path';
import type { Command } from 'commander';
import { dataDirOf, findRootKey, readInfraFile } from '@keyward/config';
import { CliError } from './cli.error';
import { GatewayClient } from './gateway/gateway.client';
import { Output } from './output/output';

/** The options every command inherits from `keyward` itself. */
export interface GlobalOptions {
  readonly json?: boolean;
}

/**
 * What every command reads from its command line and environment (product.md section 12):
 * the output mode (`--json`), the gateway (`KEYWARD_URL`, else `GATEWAY_PORT` on this host) and
 * its credential (`KEYWARD_KEY`, else the services' root key: `KEYWARD_ROOT_KEY` or the data
 * folder's), and, for the commands that reach past the gateway, NATS and PostgreSQL (`NATS_URL`,
 * `DATABASE_URL`, else what `npm run infra:up` wrote in the data folder). Each is read when a
 * command first needs it, so `keyward verify` needs no gateway and `--help` needs nothing.
 */
export class CliContext {
  readonly output: Output;
  /** `KEYWARD_DATA_DIR`, default `.data`: the folder `npm start` keeps its root key and infra.json in. */
  readonly dataDir: string;

  constructor(
    json: boolean,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.output = new Output(json);
    this.dataDir = dataDirOf(env);
  }

  /** The context of the command being run: its `--json` is the one `keyward --json` or the command itself was given. */
  static of(command: Command, env: NodeJS.ProcessEnv = process.env): CliContext {
    return new CliContext(command.optsWithGlobals<GlobalOptions>().json === true, env);
  }

  /** `KEYWARD_URL`, or the gateway `npm start` runs on this host. */
  gatewayUrl(): string {
    // `||`, not `??`: a variable set to "" means unset, as in the services' configuration.
    const url = this.env.KEYWARD_URL || `http://127.0.0.1:${this.env.GATEWAY_PORT || 3000}`;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw CliError.usage('KEYWARD_URL must be an http(s) URL, e.g. http://127.0.0.1:3000');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw CliError.usage('KEYWARD_URL must be an http(s) URL, e.g. http://127.0.0.1:3000');
    // Errors name the gateway's URL: credentials have no place in it (the key goes in KEYWARD_KEY).
    if (parsed.username || parsed.password) throw CliError.usage('KEYWARD_URL must not hold a user or password; the key goes in KEYWARD_KEY');
    return url.replace(/\/+$/, '');
  }

  gateway(): GatewayClient {
    return new GatewayClient(this.gatewayUrl(), () => this.credential());
  }

  /** NATS for `keyward verify`: `NATS_URL`, or the data folder's infra.json. */
  natsUrl(): string {
    return this.env.NATS_URL || readInfraFile(this.dataDir).natsUrl || this.missing('NATS_URL');
  }

  /** PostgreSQL for operator commands (`keyward replay`): `DATABASE_URL`, or the data folder's infra.json. */
  databaseUrl(): string {
    return this.env.DATABASE_URL || readInfraFile(this.dataDir).databaseUrl || this.missing('DATABASE_URL');
  }

  /** `EVENTSTORE_URL` where the history is kept in EventStoreDB/KurrentDB; else it is in PostgreSQL. */
  eventStoreUrl(): string | undefined {
    return this.env.EVENTSTORE_URL || undefined;
  }

  /** `KEYWARD_KEY`, else the services' root key; never printed, never in an error. */
  private credential(): string {
    const key = this.env.KEYWARD_KEY || findRootKey({ dataDir: this.dataDir }, this.env);
    if (key) return key;
    throw new CliError(`no credential: set KEYWARD_KEY, or KEYWARD_DATA_DIR to the data folder that holds the services' root key (${path.join(this.dataDir, 'root-key')} does not exist)`);
  }

  private missing(variable: string): never {
    throw new CliError(`${variable} is not set and ${path.join(this.dataDir, 'infra.json')} does not name it: set it, or KEYWARD_DATA_DIR to the data folder of "npm start"`);
  }
}
