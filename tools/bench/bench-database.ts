import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { infraDataDir } from './bench-env';

/** The PostgreSQL and NATS a benchmark runs against: the environment's, or what `npm run infra:up` started. */
export const infra = (): { databaseUrl: string; natsUrl: string } => {
  if (process.env.DATABASE_URL && process.env.NATS_URL) return { databaseUrl: process.env.DATABASE_URL, natsUrl: process.env.NATS_URL };
  return JSON.parse(readFileSync(path.join(infraDataDir(), 'infra.json'), 'utf8')) as { databaseUrl: string; natsUrl: string };
};

export const withDatabase = (url: string, name: string): string => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/** Runs one statement on a connection of its own (CREATE/DROP DATABASE cannot run inside a pool's transaction). */
export const sql = async (url: string, text: string): Promise<void> => {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
};

/** A database of the bench's own on the server at `serverUrl`; `drop` removes it even with connections open. */
export const createBenchDatabase = async (serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> => {
  const name = `keyward_bench_${Date.now()}`;
  await sql(serverUrl, `CREATE DATABASE ${name}`);
  return { url: withDatabase(serverUrl, name), drop: () => sql(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
};
