import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14's key fields (product.md 9.2a): enabled, credits as set with their generation, named
 * limits, metadata and identity. No event before this migration set any of them, so existing rows
 * are right as filled (enabled, no credits, no limits, `{}`, no identity) and nothing is replayed.
 */
export class AddKeyCreditsLimitsMeta1768600000000 implements MigrationInterface {
  name = 'AddKeyCreditsLimitsMeta1768600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE keys
        ADD COLUMN enabled boolean NOT NULL DEFAULT true,
        ADD COLUMN credits jsonb NULL,
        ADD COLUMN credits_generation integer NOT NULL DEFAULT 0,
        ADD COLUMN credits_set_at timestamptz NULL,
        ADD COLUMN ratelimits jsonb NOT NULL DEFAULT '[]'::jsonb,
        ADD COLUMN meta jsonb NOT NULL DEFAULT '{}'::jsonb,
        ADD COLUMN identity_id text NULL`);
    // An identity's keys are counted (its keyCount) and refused deletion by; most keys have none.
    await q.query(`CREATE INDEX keys_identity_idx ON keys (identity_id) WHERE identity_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX keys_identity_idx`);
    await q.query(`
      ALTER TABLE keys
        DROP COLUMN identity_id,
        DROP COLUMN meta,
        DROP COLUMN ratelimits,
        DROP COLUMN credits_set_at,
        DROP COLUMN credits_generation,
        DROP COLUMN credits,
        DROP COLUMN enabled`);
  }
}
