import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The position of the write an idempotent answer reports: a repeat waits for the followers to reach it too. */
export class AddIdempotencyPosition1764100000000 implements MigrationInterface {
  name = 'AddIdempotencyPosition1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_records ADD COLUMN response_position text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_records DROP COLUMN response_position`);
  }
}
