import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A key's rate limit and IP allowlist (product.md section 9.2). No event before this migration set
 * either, so existing rows are right as filled (no limit, no list) and nothing is replayed.
 */
export class AddKeyLimits1764100000000 implements MigrationInterface {
  name = 'AddKeyLimits1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE keys ADD COLUMN ratelimit jsonb NULL`);
    // Kept as the default: a row written without it (a bulk load, an older writer) has no list.
    await q.query(`ALTER TABLE keys ADD COLUMN ip_allowlist jsonb NOT NULL DEFAULT '[]'::jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE keys DROP COLUMN ip_allowlist`);
    await q.query(`ALTER TABLE keys DROP COLUMN ratelimit`);
  }
}
