import { Pool } from 'pg';
import type { Position } from '@keyward/event-store';
import { eventTablesOf, inTransaction } from '@keyward/event-store/postgres';

/** What is known of a stored snapshot before its bytes are read. */
export interface SnapshotHeader {
  readonly format: number;
  /** Which pepper the snapshot's hashes were made with (see `pepperTag`). */
  readonly pepperTag: string;
  /** The last event the snapshot reflects. */
  readonly position: Position;
  readonly keyCount: number;
  readonly sha256: Buffer;
}

export interface StoredSnapshot {
  readonly header: SnapshotHeader;
  readonly bytes: Buffer;
}

const SNAPSHOTS = 'public.keyward_index_snapshots';
const CHUNKS = 'public.keyward_index_snapshot_chunks';
/**
 * Rows of 48 MiB (a million keys take one): each arrives as one buffer above the size the C
 * allocator serves from its heap, so it is handed back to the system once freed.
 */
const CHUNK_BYTES = 48 * 2 ** 20;
/** One writer at a time; the others skip rather than wait. */
const WRITE_LOCK = 'keyward-index-snapshot';

/**
 * Loaded only where the history is in PostgreSQL (see the verifier's AppModule), so it may use
 * the adapter's own helpers. Snapshots of the verifier's index, beside the event store in the same PostgreSQL database:
 * they hold the keyed hashes exactly as the event store does, so they add no new place that must
 * be guarded. Only the newest is kept.
 */
export class IndexSnapshotStore {
  private ready: Promise<void> | undefined;

  constructor(private readonly pool: Pool) {}

  static connect(databaseUrl: string): IndexSnapshotStore {
    const pool = new Pool({ connectionString: databaseUrl, max: 2 });
    // An idle client losing its server must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    return new IndexSnapshotStore(pool);
  }

  /** The newest snapshot, or `undefined` when there is none. */
  async latest(): Promise<StoredSnapshot | undefined> {
    await this.ensureSchema();
    const { rows } = await this.pool.query<{ id: string; format: number; pepper_tag: string; commit: string; prepare: string; key_count: number; sha256: Buffer }>(
      `SELECT id::text, format, pepper_tag, position_commit::text AS commit, position_prepare::text AS prepare, key_count, sha256
       FROM ${SNAPSHOTS} ORDER BY position_commit DESC, position_prepare DESC LIMIT 1`,
    );
    const row = rows[0];
    if (!row) return undefined;
    // Row by row would be no lighter: pg hands the whole result over at once anyway, as hex text.
    const chunks = await this.pool.query<{ bytes: Buffer }>(`SELECT bytes FROM ${CHUNKS} WHERE snapshot_id = $1 ORDER BY seq`, [row.id]);
    return {
      header: { format: row.format, pepperTag: row.pepper_tag, position: { commit: BigInt(row.commit), prepare: BigInt(row.prepare) }, keyCount: row.key_count, sha256: row.sha256 },
      bytes: Buffer.concat(chunks.rows.map((r) => r.bytes)),
    };
  }

  /** Whether the event store holds an event at `position`: a snapshot of another history does not. */
  async holds(position: Position): Promise<boolean> {
    const { rows } = await this.pool.query(`SELECT 1 FROM ${eventTablesOf('public').events} WHERE transaction_id = $1::text::xid8 AND global_position = $2::bigint`, [
      position.commit.toString(),
      position.prepare.toString(),
    ]);
    return rows.length > 0;
  }

  /**
   * Stores a snapshot and drops the older ones. Answers `false` when another verifier is writing
   * one, or a snapshot as recent is stored already.
   */
  async save(header: SnapshotHeader, bytes: Buffer): Promise<boolean> {
    await this.ensureSchema();
    return inTransaction(this.pool, async (client) => {
      const { rows: locked } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [WRITE_LOCK]);
      if (!locked[0]?.locked) return false;
      const position = [header.position.commit.toString(), header.position.prepare.toString()];
      const newer = await client.query(`SELECT 1 FROM ${SNAPSHOTS} WHERE (position_commit, position_prepare) >= ($1::text::xid8, $2::bigint)`, position);
      if (newer.rows.length > 0) return false;
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO ${SNAPSHOTS} (format, pepper_tag, position_commit, position_prepare, key_count, sha256) VALUES ($1, $2, $3::text::xid8, $4::bigint, $5, $6) RETURNING id::text`,
        [header.format, header.pepperTag, ...position, header.keyCount, header.sha256],
      );
      const id = rows[0].id;
      for (let seq = 0; seq * CHUNK_BYTES < bytes.length; seq++)
        await client.query(`INSERT INTO ${CHUNKS} (snapshot_id, seq, bytes) VALUES ($1, $2, $3)`, [id, seq, bytes.subarray(seq * CHUNK_BYTES, (seq + 1) * CHUNK_BYTES)]);
      await client.query(`DELETE FROM ${SNAPSHOTS} WHERE id <> $1`, [id]);
      return true;
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** Idempotent; the advisory lock lets several verifiers start at once (as the event store does). */
  private ensureSchema(): Promise<void> {
    this.ready ??= this.createSchema().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  private createSchema(): Promise<void> {
    return inTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${WRITE_LOCK}:schema`]);
      await client.query(`
        CREATE TABLE IF NOT EXISTS ${SNAPSHOTS} (
          id bigserial PRIMARY KEY,
          format integer NOT NULL,
          pepper_tag text NOT NULL,
          position_commit xid8 NOT NULL,
          position_prepare bigint NOT NULL,
          key_count integer NOT NULL,
          sha256 bytea NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now()
        )`);
      // Already compressed: PostgreSQL need not try again.
      await client.query(`
        CREATE TABLE IF NOT EXISTS ${CHUNKS} (
          snapshot_id bigint NOT NULL REFERENCES ${SNAPSHOTS} (id) ON DELETE CASCADE,
          seq integer NOT NULL,
          bytes bytea STORAGE EXTERNAL NOT NULL,
          PRIMARY KEY (snapshot_id, seq)
        )`);
    });
  }
}
