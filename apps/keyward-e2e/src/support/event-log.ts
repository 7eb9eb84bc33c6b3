import { Client } from 'pg';

/** How many events the store holds, whatever schema it was given: "nothing appended" is checked against it. */
export const countEvents = async (url: string): Promise<number> => {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ schema: string }>(`SELECT table_schema AS schema FROM information_schema.tables WHERE table_name = 'keyward_events'`);
    let total = 0;
    for (const { schema } of tables.rows) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM "${schema}".keyward_events`);
      total += Number(rows[0]?.n ?? 0);
    }
    return total;
  } finally {
    await client.end();
  }
};
