import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One `Idempotency-Key` of one workspace per row (product.md section 7): the fingerprint of the
 * request that first used it, who works on it now (a lease, so that a gateway that died does not
 * hold it for good), and once done the answer, secrets withheld, as `json` (not `jsonb`: a repeat
 * answers the very same text, fields in their order). Rows older than 24 hours count as absent and
 * are purged. Its name and id are those it had in @keyward/read-models, where it was recorded.
 */
export class CreateIdempotencyTable1764000000000 implements MigrationInterface {
  name = 'CreateIdempotencyTable1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_records (
        scope text NOT NULL,
        idempotency_key text NOT NULL,
        fingerprint text NOT NULL,
        created_at timestamptz NOT NULL,
        claim_token uuid,
        claimed_until timestamptz,
        response_status integer,
        response_body json,
        PRIMARY KEY (scope, idempotency_key)
      )`);
    // The purge deletes by age.
    await q.query(`CREATE INDEX idempotency_records_created_idx ON idempotency_records (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_records`);
  }
}
