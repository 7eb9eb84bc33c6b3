import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddKeyShares1763900000000 implements MigrationInterface {
  name = 'AddKeyShares1763900000000';

  async up(q: QueryRunner): Promise<void> {
    // The default only fills rows that exist now; the projection always writes the column itself.
    await q.query(`ALTER TABLE keys ADD COLUMN shares jsonb NOT NULL DEFAULT '[]'::jsonb`);
    await q.query(`ALTER TABLE keys ALTER COLUMN shares DROP DEFAULT`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE keys DROP COLUMN shares`);
  }
}
