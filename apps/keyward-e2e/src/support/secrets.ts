import { Client } from 'pg';

/** Every text value of every table in the database, with table names, for scanning. */
export const dumpDatabase = async (url: string): Promise<string> => {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
       WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    const parts: string[] = [];
    for (const t of tables.rows) {
      const rows = await client.query(`SELECT * FROM "${t.schema}"."${t.name}"`);
      parts.push(`${t.schema}.${t.name}:${JSON.stringify(rows.rows)}`);
    }
    return parts.join('\n');
  } finally {
    await client.end();
  }
};

/** The secrets (or their distinctive random part) that appear in `haystack`. */
export const leakedSecrets = (haystack: string, secrets: readonly string[]): string[] =>
  secrets.filter((s) => haystack.includes(s) || haystack.includes(s.slice(8, 40)));
