import type { Pool } from 'pg';
import { inTransaction } from './in-transaction';

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,40}$/;

/** Quoted names for one schema's event table and its wake-up channel. */
export interface EventTables {
  readonly schema: string;
  readonly events: string;
  readonly channel: string;
}

export const eventTablesOf = (schema: string): EventTables => {
  // Interpolated into SQL (identifiers cannot be parameters), so only plain names pass.
  if (!IDENTIFIER.test(schema)) throw new Error(`event store schema "${schema}" must be a lowercase SQL identifier`);
  return { schema, events: `"${schema}".keyward_events`, channel: `keyward_events_${schema}` };
};

/**
 * Creates the event table once; idempotent, and the advisory lock lets several services start
 * at once (concurrent `CREATE ... IF NOT EXISTS` can otherwise fail on the catalog's unique index).
 * `transaction_id` is what makes reading safe: see read-all.ts.
 */
export const ensureEventStoreSchema = async (pool: Pool, schema = 'public'): Promise<void> => {
  const tables = eventTablesOf(schema);
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`keyward-event-store:${tables.schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${tables.schema}"`);
    await client.query(`
      CREATE TABLE IF NOT EXISTS ${tables.events} (
        global_position bigserial PRIMARY KEY,
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        stream_id text NOT NULL,
        stream_version bigint NOT NULL CHECK (stream_version >= 0),
        event_id uuid NOT NULL UNIQUE,
        type text NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (stream_id, stream_version)
      )`);
    await client.query(`CREATE INDEX IF NOT EXISTS keyward_events_order_idx ON ${tables.events} (transaction_id, global_position)`);
    // An auditor reads one workspace's events in global order (GET /v1/audit/events).
    await client.query(
      `CREATE INDEX IF NOT EXISTS keyward_events_workspace_order_idx ON ${tables.events} ((metadata->>'workspaceId'), transaction_id, global_position)`,
    );
  });
};
