import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One console sign-in per row (product.md section 11). The session id is the cookie's value and
 * is never stored: only its SHA-256, so a copy of the table signs no one in. Nor is the key, in
 * any form: `key_id` names it, and every request asks the verifiers about it anew. Not a read
 * model: nothing in the history makes it, and a replay never touches it.
 */
export class CreateConsoleSessions1768000000000 implements MigrationInterface {
  name = 'CreateConsoleSessions1768000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE console_sessions (
        id_hash bytea PRIMARY KEY,
        key_id text,
        workspace_id text NOT NULL,
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        CHECK (octet_length(id_hash) = 32)
      )`);
    // The purge deletes by idleness; a revoked key's sessions are deleted by key.
    await q.query(`CREATE INDEX console_sessions_last_seen_idx ON console_sessions (last_seen_at)`);
    await q.query(`CREATE INDEX console_sessions_key_idx ON console_sessions (key_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE console_sessions`);
  }
}
