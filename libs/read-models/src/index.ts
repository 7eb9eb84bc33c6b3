export * from './keys/key-row.entity';
export * from './keys/key-queries';
export * from './keys/key-table.projection';
export * from './checkpoints/checkpoint.entity';
export * from './checkpoints/checkpoint.store';
export * from './read-models.data-source';
export * from './run-migrations';
export * from './projection-runner';
