import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The vault's data keys (product.md 9.4), one per credential, each wrapped by the master key named
 * by `master_key_id` (nonce ‖ key ‖ tag: 60 bytes). Outside the event history, and no projection
 * truncates it: a rebuild of the read models must not lose a key. Deleting a credential leaves
 * the row with no key (`destroyed_at`), so it is never given another.
 */
export class CreateCredentialDataKeys1767000000000 implements MigrationInterface {
  name = 'CreateCredentialDataKeys1767000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE credential_data_keys (
      credential_id text PRIMARY KEY,
      workspace_id text NOT NULL,
      wrapped_key bytea CHECK (octet_length(wrapped_key) = 60),
      master_key_id text,
      created_at timestamptz NOT NULL,
      rewrapped_at timestamptz,
      destroyed_at timestamptz,
      CHECK ((wrapped_key IS NULL) = (destroyed_at IS NOT NULL) AND (wrapped_key IS NULL) = (master_key_id IS NULL)))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE credential_data_keys`);
  }
}
