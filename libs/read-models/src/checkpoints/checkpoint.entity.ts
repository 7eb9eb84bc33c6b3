import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How far a projection has applied the history; written in the same transaction as its rows. */
@Entity({ name: 'projection_checkpoints' })
export class CheckpointRow {
  @PrimaryColumn({ type: 'text' })
  projection!: string;

  /** `numeric` because xid8 and bigint values exceed what a JS number holds exactly. */
  @Column({ type: 'numeric', precision: 20, scale: 0 })
  commit!: string;

  @Column({ type: 'numeric', precision: 20, scale: 0 })
  prepare!: string;
}
