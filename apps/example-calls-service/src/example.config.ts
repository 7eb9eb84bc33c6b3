/** What the example service reads from its environment. */
export interface ExampleConfig {
  readonly natsUrl: string;
  readonly port: number;
}

export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';
export const DEFAULT_PORT = 3100;

/** `NATS_URL` (default the local NATS) and `PORT` (default 3100); a bad `PORT` stops the start. */
export const loadExampleConfig = (env: NodeJS.ProcessEnv = process.env): ExampleConfig => {
  const port = env.PORT ? Number(env.PORT) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`PORT must be a TCP port (1-65535), not ${JSON.stringify(env.PORT)}`);
  return { natsUrl: env.NATS_URL || DEFAULT_NATS_URL, port };
};
