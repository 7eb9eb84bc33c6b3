import type { EntityManager } from 'typeorm';

/** An index of a table, as PostgreSQL describes it; `primaryKey`: the constraint it backs, if it is the primary key. */
interface TableIndex {
  readonly name: string;
  readonly unique: boolean;
  /** From ` USING` on: method, columns, predicate. */
  readonly definition: string;
  readonly primaryKey: string | null;
}

/**
 * A copy of a read-model table that a replay fills beside the live one, then swaps in: columns,
 * defaults, NOT NULL and CHECK constraints as the migrations made the table (`LIKE`), its indexes
 * built after the rows are in (far cheaper than maintaining them row by row) under names of its
 * own, renamed to the live names at the swap. Nothing references these tables (no foreign keys,
 * views or triggers), so dropping the old one takes nothing else with it.
 */
export class ShadowTable {
  private indexes: readonly TableIndex[] = [];

  /** `table`: the live table's name, unquoted. */
  constructor(readonly table: string) {}

  /** Unquoted: a fixed prefix, so that a replay that died is cleaned up by the next one. */
  get name(): string {
    return `replay_${this.table}`;
  }

  private q(manager: EntityManager, name: string): string {
    return manager.connection.driver.escape(name);
  }

  private indexName(i: number): string {
    return `${this.name}_${i}`;
  }

  /** An empty copy of the live table without its indexes (a leftover of a replay that died is dropped first). */
  async create(manager: EntityManager): Promise<void> {
    await manager.query(`DROP TABLE IF EXISTS ${this.q(manager, this.name)}`);
    await manager.query(`CREATE TABLE ${this.q(manager, this.name)} (LIKE ${this.q(manager, this.table)} INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING STORAGE INCLUDING COMMENTS)`);
    const rows: { name: string; unique: boolean; definition: string; primary_key: string | null }[] = await manager.query(
      `SELECT i.relname AS name, x.indisunique AS unique, pg_get_indexdef(x.indexrelid) AS definition, c.conname AS primary_key
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
       LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid AND c.contype = 'p'
       WHERE x.indrelid = $1::regclass ORDER BY i.relname`,
      [this.q(manager, this.table)],
    );
    this.indexes = rows.map((r) => ({ name: r.name, unique: r.unique, definition: r.definition.slice(r.definition.indexOf(' USING ')), primaryKey: r.primary_key }));
  }

  /** The live table's indexes on the copy, once its rows are in. */
  async index(manager: EntityManager): Promise<void> {
    for (const [i, index] of this.indexes.entries()) {
      await manager.query(`CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${this.q(manager, this.indexName(i))} ON ${this.q(manager, this.name)}${index.definition}`);
    }
  }

  /** In the caller's transaction, which holds the live table's lock: the copy takes its place, name, indexes' names and primary key. */
  async swap(manager: EntityManager): Promise<void> {
    await manager.query(`DROP TABLE ${this.q(manager, this.table)}`);
    await manager.query(`ALTER TABLE ${this.q(manager, this.name)} RENAME TO ${this.q(manager, this.table)}`);
    for (const [i, index] of this.indexes.entries()) {
      if (index.primaryKey) await manager.query(`ALTER TABLE ${this.q(manager, this.table)} ADD CONSTRAINT ${this.q(manager, index.primaryKey)} PRIMARY KEY USING INDEX ${this.q(manager, this.indexName(i))}`);
      else await manager.query(`ALTER INDEX ${this.q(manager, this.indexName(i))} RENAME TO ${this.q(manager, index.name)}`);
    }
  }

  async drop(manager: EntityManager): Promise<void> {
    await manager.query(`DROP TABLE IF EXISTS ${this.q(manager, this.name)}`);
  }
}
