import { Client } from 'pg';

/** Runs `read` against the events table of every schema that has one (services may be given any schema). */
const eachEventsTable = async <T>(url: string, read: (client: Client, table: string) => Promise<T>): Promise<T[]> => {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ schema: string }>(`SELECT table_schema AS schema FROM information_schema.tables WHERE table_name = 'keyward_events'`);
    const results: T[] = [];
    for (const { schema } of tables.rows) results.push(await read(client, `"${schema}".keyward_events`));
    return results;
  } finally {
    await client.end();
  }
};

/** How many events the store holds, whatever schema it was given: "nothing appended" is checked against it. */
export const countEvents = async (url: string): Promise<number> => {
  const counts = await eachEventsTable(url, async (client, table) => {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table}`);
    return Number(rows[0]?.n ?? 0);
  });
  return counts.reduce((a, b) => a + b, 0);
};

/** The types of the events of each stream, in stream order: what the history holds, read past every service. */
export const eventTypesByStream = async (url: string): Promise<Map<string, string[]>> => {
  const byStream = new Map<string, string[]>();
  await eachEventsTable(url, async (client, table) => {
    const { rows } = await client.query<{ stream_id: string; type: string }>(`SELECT stream_id, type FROM ${table} ORDER BY stream_id, stream_version`);
    for (const row of rows) byStream.set(row.stream_id, [...(byStream.get(row.stream_id) ?? []), row.type]);
  });
  return byStream;
};

/** Forges the data of the event at global sequence number `position`, past every service: what the chain check must catch. */
export const forgeEventData = async (url: string, position: string): Promise<void> => {
  await eachEventsTable(url, (client, table) =>
    client.query(`UPDATE ${table} SET data = jsonb_set(data, '{name}', '"forged"') WHERE global_position = $1`, [position]),
  );
};
