import type { EntityManager } from 'typeorm';
import type { Position } from '@keyward/event-store';
import { CheckpointRow } from './checkpoint.entity';

const positionOf = (row: CheckpointRow | null): Position | undefined => (row ? { commit: BigInt(row.commit), prepare: BigInt(row.prepare) } : undefined);

export const readCheckpoint = async (manager: EntityManager, projection: string): Promise<Position | undefined> =>
  positionOf(await manager.getRepository(CheckpointRow).findOneBy({ projection }));

/** Thrown when another projector instance moved the checkpoint: this one must re-read it. */
export class CheckpointMovedError extends Error {
  constructor(projection: string) {
    super(`checkpoint of ${projection} was moved by another projector`);
    this.name = 'CheckpointMovedError';
  }
}

/**
 * Moves the checkpoint from `from` to `to` inside the caller's transaction; the compare-and-set
 * makes two projector replicas unable to apply the same batch twice.
 */
export const advanceCheckpoint = async (
  manager: EntityManager,
  projection: string,
  from: Position | undefined,
  to: Position,
): Promise<void> => {
  const values = [projection, to.commit.toString(), to.prepare.toString()];
  const result: unknown[] = from
    ? await manager.query(
        `UPDATE projection_checkpoints SET commit = $2, prepare = $3
         WHERE projection = $1 AND commit = $4 AND prepare = $5 RETURNING projection`,
        [...values, from.commit.toString(), from.prepare.toString()],
      )
    : await manager.query(
        `INSERT INTO projection_checkpoints (projection, commit, prepare) VALUES ($1, $2, $3)
         ON CONFLICT (projection) DO NOTHING RETURNING projection`,
        values,
      );
  // pg returns [rows, count] for UPDATE ... RETURNING through TypeORM, rows for INSERT.
  const rows = Array.isArray(result[0]) ? (result[0] as unknown[]) : result;
  if (rows.length !== 1) throw new CheckpointMovedError(projection);
};

/**
 * Reads the checkpoint and holds its row until the caller's transaction ends, so that no batch of
 * the live projection commits past it meanwhile (its compare-and-set waits, then fails if moved).
 */
export const lockCheckpoint = async (manager: EntityManager, projection: string): Promise<Position | undefined> =>
  positionOf(await manager.getRepository(CheckpointRow).findOne({ where: { projection }, lock: { mode: 'pessimistic_write' } }));

/** Sets the checkpoint wherever it stood, inside the caller's transaction: for a replay, which rebuilt the rows it stands for. */
export const setCheckpoint = async (manager: EntityManager, projection: string, to: Position): Promise<void> => {
  await manager.query(
    `INSERT INTO projection_checkpoints (projection, commit, prepare) VALUES ($1, $2, $3)
     ON CONFLICT (projection) DO UPDATE SET commit = EXCLUDED.commit, prepare = EXCLUDED.prepare`,
    [projection, to.commit.toString(), to.prepare.toString()],
  );
};
