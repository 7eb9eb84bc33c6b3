import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The hash chain of the history (product.md 9.6), one row per event in the order subscribers
 * see: `position` is the event's global sequence number, `commit_position` its place in the
 * commit order, so that the rows sort in chain order. No projection of events truncates it: a
 * rebuild of the read models leaves it alone, and its follower has a checkpoint of its own.
 */
export class CreateEventChain1766000000000 implements MigrationInterface {
  name = 'CreateEventChain1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE event_chain (
      position bigint PRIMARY KEY,
      commit_position bigint NOT NULL,
      hash bytea NOT NULL CHECK (octet_length(hash) = 32))`);
    await q.query(`CREATE UNIQUE INDEX event_chain_order_idx ON event_chain (commit_position, position)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE event_chain`);
  }
}
